// Original file: omni/identity/v1/identity.proto


export interface ListConsentHistoryRequest {
  'customerId'?: (string);
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListConsentHistoryRequest__Output {
  'customerId': (string);
  'pageSize': (number);
  'pageToken': (string);
}
