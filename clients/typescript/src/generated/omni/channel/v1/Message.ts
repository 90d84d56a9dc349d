// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { MessageStatus as _omni_channel_v1_MessageStatus, MessageStatus__Output as _omni_channel_v1_MessageStatus__Output } from '../../../omni/channel/v1/MessageStatus';
import type { SuppressionReason as _omni_channel_v1_SuppressionReason, SuppressionReason__Output as _omni_channel_v1_SuppressionReason__Output } from '../../../omni/channel/v1/SuppressionReason';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { MessagePurpose as _omni_channel_v1_MessagePurpose, MessagePurpose__Output as _omni_channel_v1_MessagePurpose__Output } from '../../../omni/channel/v1/MessagePurpose';
import type { SmsEncoding as _omni_channel_v1_SmsEncoding, SmsEncoding__Output as _omni_channel_v1_SmsEncoding__Output } from '../../../omni/channel/v1/SmsEncoding';
import type { ProviderKind as _omni_channel_v1_ProviderKind, ProviderKind__Output as _omni_channel_v1_ProviderKind__Output } from '../../../omni/channel/v1/ProviderKind';
import type { DeferReason as _omni_channel_v1_DeferReason, DeferReason__Output as _omni_channel_v1_DeferReason__Output } from '../../../omni/channel/v1/DeferReason';

export interface Message {
  'messageId'?: (string);
  'customerId'?: (string);
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'templateId'?: (string);
  'status'?: (_omni_channel_v1_MessageStatus);
  'suppressionReason'?: (_omni_channel_v1_SuppressionReason);
  'recipient'?: (string);
  'subject'?: (string);
  'body'?: (string);
  'error'?: (string);
  'idempotencyKey'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'journeyId'?: (string);
  'runId'?: (string);
  'purpose'?: (_omni_channel_v1_MessagePurpose);
  'locale'?: (string);
  'attempts'?: (number);
  'sendTime'?: (_google_protobuf_Timestamp | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
  'expireTime'?: (_google_protobuf_Timestamp | null);
  'providerMessageId'?: (string);
  'htmlBody'?: (string);
  'campaign'?: (string);
  'smsEncoding'?: (_omni_channel_v1_SmsEncoding);
  'smsSegments'?: (number);
  'provider'?: (_omni_channel_v1_ProviderKind);
  'providerId'?: (string);
  'deferReason'?: (_omni_channel_v1_DeferReason);
}

export interface Message__Output {
  'messageId': (string);
  'customerId': (string);
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'templateId': (string);
  'status': (_omni_channel_v1_MessageStatus__Output);
  'suppressionReason': (_omni_channel_v1_SuppressionReason__Output);
  'recipient': (string);
  'subject': (string);
  'body': (string);
  'error': (string);
  'idempotencyKey': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'journeyId': (string);
  'runId': (string);
  'purpose': (_omni_channel_v1_MessagePurpose__Output);
  'locale': (string);
  'attempts': (number);
  'sendTime': (_google_protobuf_Timestamp__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
  'expireTime': (_google_protobuf_Timestamp__Output | null);
  'providerMessageId': (string);
  'htmlBody': (string);
  'campaign': (string);
  'smsEncoding': (_omni_channel_v1_SmsEncoding__Output);
  'smsSegments': (number);
  'provider': (_omni_channel_v1_ProviderKind__Output);
  'providerId': (string);
  'deferReason': (_omni_channel_v1_DeferReason__Output);
}
