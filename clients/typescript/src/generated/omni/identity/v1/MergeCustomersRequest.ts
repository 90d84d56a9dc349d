// Original file: omni/identity/v1/identity.proto


export interface MergeCustomersRequest {
  'customerId'?: (string);
  'mergedCustomerId'?: (string);
  'reason'?: (string);
  'idempotencyKey'?: (string);
}

export interface MergeCustomersRequest__Output {
  'customerId': (string);
  'mergedCustomerId': (string);
  'reason': (string);
  'idempotencyKey': (string);
}
