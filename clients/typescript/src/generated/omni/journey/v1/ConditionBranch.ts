// Original file: omni/journey/v1/journey.proto


export interface ConditionBranch {
  'name'?: (string);
  'expression'?: (string);
  'nextNodeId'?: (string);
}

export interface ConditionBranch__Output {
  'name': (string);
  'expression': (string);
  'nextNodeId': (string);
}
