// Original file: omni/identity/v1/identity.proto


export interface GetMergeHistoryRequest {
  'customerId'?: (string);
}

export interface GetMergeHistoryRequest__Output {
  'customerId': (string);
}
