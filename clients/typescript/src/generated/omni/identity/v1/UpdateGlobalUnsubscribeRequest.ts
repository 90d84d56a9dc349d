// Original file: omni/identity/v1/identity.proto


export interface UpdateGlobalUnsubscribeRequest {
  'customerId'?: (string);
  'unsubscribed'?: (boolean);
  'source'?: (string);
  'proof'?: (string);
}

export interface UpdateGlobalUnsubscribeRequest__Output {
  'customerId': (string);
  'unsubscribed': (boolean);
  'source': (string);
  'proof': (string);
}
