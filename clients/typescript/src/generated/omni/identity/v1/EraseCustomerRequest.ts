// Original file: omni/identity/v1/identity.proto


export interface EraseCustomerRequest {
  'customerId'?: (string);
}

export interface EraseCustomerRequest__Output {
  'customerId': (string);
}
