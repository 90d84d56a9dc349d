// Original file: omni/identity/v1/identity.proto


export interface EraseCustomerResponse {
  'erasureId'?: (string);
  'customerIds'?: (string)[];
}

export interface EraseCustomerResponse__Output {
  'erasureId': (string);
  'customerIds': (string)[];
}
