// Original file: omni/identity/v1/identity.proto


export interface ListEventsRequest {
  'customerId'?: (string);
  'types'?: (string)[];
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListEventsRequest__Output {
  'customerId': (string);
  'types': (string)[];
  'pageSize': (number);
  'pageToken': (string);
}
