// Original file: omni/identity/v1/identity.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface SnoozeContactRequest {
  'customerId'?: (string);
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'untilTime'?: (_google_protobuf_Timestamp | null);
  'source'?: (string);
}

export interface SnoozeContactRequest__Output {
  'customerId': (string);
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'untilTime': (_google_protobuf_Timestamp__Output | null);
  'source': (string);
}
