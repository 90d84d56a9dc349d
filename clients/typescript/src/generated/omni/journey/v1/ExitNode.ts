// Original file: omni/journey/v1/journey.proto


export interface ExitNode {
  'reason'?: (string);
}

export interface ExitNode__Output {
  'reason': (string);
}
