// Original file: omni/decisioning/v1/decisioning.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface BestSendTimeRequest {
  'customerId'?: (string);
  'windowStart'?: (_google_protobuf_Timestamp | null);
  'windowEnd'?: (_google_protobuf_Timestamp | null);
  'timeZone'?: (string);
}

export interface BestSendTimeRequest__Output {
  'customerId': (string);
  'windowStart': (_google_protobuf_Timestamp__Output | null);
  'windowEnd': (_google_protobuf_Timestamp__Output | null);
  'timeZone': (string);
}
