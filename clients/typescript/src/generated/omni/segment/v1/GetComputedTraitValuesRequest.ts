// Original file: omni/segment/v1/segment.proto


export interface GetComputedTraitValuesRequest {
  'customerId'?: (string);
}

export interface GetComputedTraitValuesRequest__Output {
  'customerId': (string);
}
