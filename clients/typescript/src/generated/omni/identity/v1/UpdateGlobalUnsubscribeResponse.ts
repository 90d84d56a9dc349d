// Original file: omni/identity/v1/identity.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface UpdateGlobalUnsubscribeResponse {
  'unsubscribed'?: (boolean);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface UpdateGlobalUnsubscribeResponse__Output {
  'unsubscribed': (boolean);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
