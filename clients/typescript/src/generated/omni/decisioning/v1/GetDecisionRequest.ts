// Original file: omni/decisioning/v1/decisioning.proto


export interface GetDecisionRequest {
  'decisionId'?: (string);
}

export interface GetDecisionRequest__Output {
  'decisionId': (string);
}
