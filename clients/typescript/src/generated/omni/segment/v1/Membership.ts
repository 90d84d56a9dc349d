// Original file: omni/segment/v1/segment.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Membership {
  'segmentId'?: (string);
  'displayName'?: (string);
  'enterTime'?: (_google_protobuf_Timestamp | null);
}

export interface Membership__Output {
  'segmentId': (string);
  'displayName': (string);
  'enterTime': (_google_protobuf_Timestamp__Output | null);
}
