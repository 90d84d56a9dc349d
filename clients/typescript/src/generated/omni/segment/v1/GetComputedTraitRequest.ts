// Original file: omni/segment/v1/segment.proto


export interface GetComputedTraitRequest {
  'computedTraitId'?: (string);
}

export interface GetComputedTraitRequest__Output {
  'computedTraitId': (string);
}
