// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { DeliveryEventType as _omni_channel_v1_DeliveryEventType, DeliveryEventType__Output as _omni_channel_v1_DeliveryEventType__Output } from '../../../omni/channel/v1/DeliveryEventType';
import type { MessageStatus as _omni_channel_v1_MessageStatus, MessageStatus__Output as _omni_channel_v1_MessageStatus__Output } from '../../../omni/channel/v1/MessageStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { SuppressionReason as _omni_channel_v1_SuppressionReason, SuppressionReason__Output as _omni_channel_v1_SuppressionReason__Output } from '../../../omni/channel/v1/SuppressionReason';

export interface DeliveryEvent {
  'eventId'?: (string);
  'messageId'?: (string);
  'customerId'?: (string);
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'type'?: (_omni_channel_v1_DeliveryEventType);
  'status'?: (_omni_channel_v1_MessageStatus);
  'attempt'?: (number);
  'error'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'nextAttemptTime'?: (_google_protobuf_Timestamp | null);
  'suppressionReason'?: (_omni_channel_v1_SuppressionReason);
  'providerMessageId'?: (string);
  'providerId'?: (string);
}

export interface DeliveryEvent__Output {
  'eventId': (string);
  'messageId': (string);
  'customerId': (string);
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'type': (_omni_channel_v1_DeliveryEventType__Output);
  'status': (_omni_channel_v1_MessageStatus__Output);
  'attempt': (number);
  'error': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'nextAttemptTime': (_google_protobuf_Timestamp__Output | null);
  'suppressionReason': (_omni_channel_v1_SuppressionReason__Output);
  'providerMessageId': (string);
  'providerId': (string);
}
