// Original file: omni/identity/v1/identity.proto


export interface UnmergeRequest {
  'mergeId'?: (string);
}

export interface UnmergeRequest__Output {
  'mergeId': (string);
}
