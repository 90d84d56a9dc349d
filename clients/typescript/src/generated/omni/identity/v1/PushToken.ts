// Original file: omni/identity/v1/identity.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface PushToken {
  'appId'?: (string);
  'platform'?: (string);
  'token'?: (string);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface PushToken__Output {
  'appId': (string);
  'platform': (string);
  'token': (string);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
