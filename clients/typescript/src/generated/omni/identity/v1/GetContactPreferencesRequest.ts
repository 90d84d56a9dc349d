// Original file: omni/identity/v1/identity.proto


export interface GetContactPreferencesRequest {
  'customerId'?: (string);
}

export interface GetContactPreferencesRequest__Output {
  'customerId': (string);
}
