// Original file: omni/segment/v1/segment.proto


export interface GetRecomputeRequest {
  'recomputeId'?: (string);
}

export interface GetRecomputeRequest__Output {
  'recomputeId': (string);
}
