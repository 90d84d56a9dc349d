// Original file: omni/decisioning/v1/decisioning.proto


export interface ExperimentArm {
  'armId'?: (string);
  'weight'?: (number | string);
  'control'?: (boolean);
  'holdout'?: (boolean);
  'offerIds'?: (string)[];
}

export interface ExperimentArm__Output {
  'armId': (string);
  'weight': (number);
  'control': (boolean);
  'holdout': (boolean);
  'offerIds': (string)[];
}
