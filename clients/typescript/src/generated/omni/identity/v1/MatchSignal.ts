// Original file: omni/identity/v1/identity.proto


export interface MatchSignal {
  'kind'?: (string);
  'similarity'?: (number | string);
  'detail'?: (string);
}

export interface MatchSignal__Output {
  'kind': (string);
  'similarity': (number);
  'detail': (string);
}
