// Original file: omni/decisioning/v1/decisioning.proto


export interface GetExperimentRequest {
  'experimentId'?: (string);
}

export interface GetExperimentRequest__Output {
  'experimentId': (string);
}
