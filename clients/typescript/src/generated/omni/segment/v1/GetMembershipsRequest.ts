// Original file: omni/segment/v1/segment.proto


export interface GetMembershipsRequest {
  'customerId'?: (string);
}

export interface GetMembershipsRequest__Output {
  'customerId': (string);
}
