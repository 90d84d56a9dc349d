// Original file: omni/identity/v1/identity.proto


export interface ListConflictsRequest {
  'customerId'?: (string);
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListConflictsRequest__Output {
  'customerId': (string);
  'pageSize': (number);
  'pageToken': (string);
}
