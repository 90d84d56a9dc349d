// Original file: omni/identity/v1/identity.proto

import type { Event as _omni_common_v1_Event, Event__Output as _omni_common_v1_Event__Output } from '../../../omni/common/v1/Event';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface TimelineEvent {
  'event'?: (_omni_common_v1_Event | null);
  'customerId'?: (string);
  'receiveTime'?: (_google_protobuf_Timestamp | null);
}

export interface TimelineEvent__Output {
  'event': (_omni_common_v1_Event__Output | null);
  'customerId': (string);
  'receiveTime': (_google_protobuf_Timestamp__Output | null);
}
