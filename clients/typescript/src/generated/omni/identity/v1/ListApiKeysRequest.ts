// Original file: omni/identity/v1/identity.proto


export interface ListApiKeysRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  'includeRevoked'?: (boolean);
}

export interface ListApiKeysRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  'includeRevoked': (boolean);
}
