// Original file: omni/journey/v1/journey.proto


export interface SplitArm {
  'name'?: (string);
  'weight'?: (number);
  'nextNodeId'?: (string);
}

export interface SplitArm__Output {
  'name': (string);
  'weight': (number);
  'nextNodeId': (string);
}
