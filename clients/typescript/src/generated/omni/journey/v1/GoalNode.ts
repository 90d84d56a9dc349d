// Original file: omni/journey/v1/journey.proto


export interface GoalNode {
  'name'?: (string);
}

export interface GoalNode__Output {
  'name': (string);
}
