// Original file: omni/segment/v1/segment.proto


export interface GetCustomerBuiltinsRequest {
  'customerId'?: (string);
}

export interface GetCustomerBuiltinsRequest__Output {
  'customerId': (string);
}
