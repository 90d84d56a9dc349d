// Original file: omni/segment/v1/segment.proto

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface LifecycleSettings {
  'newDays'?: (number);
  'activeDays'?: (number);
  'dormantDays'?: (number);
  'loyalMinOrders'?: (number);
  'rfmRefreshInterval'?: (_google_protobuf_Duration | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface LifecycleSettings__Output {
  'newDays': (number);
  'activeDays': (number);
  'dormantDays': (number);
  'loyalMinOrders': (number);
  'rfmRefreshInterval': (_google_protobuf_Duration__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
