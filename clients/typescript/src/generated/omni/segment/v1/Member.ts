// Original file: omni/segment/v1/segment.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Member {
  'customerId'?: (string);
  'enterTime'?: (_google_protobuf_Timestamp | null);
}

export interface Member__Output {
  'customerId': (string);
  'enterTime': (_google_protobuf_Timestamp__Output | null);
}
