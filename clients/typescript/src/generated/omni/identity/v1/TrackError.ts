// Original file: omni/identity/v1/identity.proto


export interface TrackError {
  'code'?: (string);
  'field'?: (string);
  'message'?: (string);
}

export interface TrackError__Output {
  'code': (string);
  'field': (string);
  'message': (string);
}
