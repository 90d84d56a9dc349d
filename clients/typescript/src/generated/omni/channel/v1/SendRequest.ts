// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { RenderedOffer as _omni_channel_v1_RenderedOffer, RenderedOffer__Output as _omni_channel_v1_RenderedOffer__Output } from '../../../omni/channel/v1/RenderedOffer';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';
import type { MessagePurpose as _omni_channel_v1_MessagePurpose, MessagePurpose__Output as _omni_channel_v1_MessagePurpose__Output } from '../../../omni/channel/v1/MessagePurpose';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { CouponSpec as _omni_channel_v1_CouponSpec, CouponSpec__Output as _omni_channel_v1_CouponSpec__Output } from '../../../omni/channel/v1/CouponSpec';
import type { NoSlotAction as _omni_channel_v1_NoSlotAction, NoSlotAction__Output as _omni_channel_v1_NoSlotAction__Output } from '../../../omni/channel/v1/NoSlotAction';

export interface SendRequest {
  'idempotencyKey'?: (string);
  'customerId'?: (string);
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'templateId'?: (string);
  'offer'?: (_omni_channel_v1_RenderedOffer | null);
  'variables'?: (_google_protobuf_Struct | null);
  'journeyId'?: (string);
  'runId'?: (string);
  'purpose'?: (_omni_channel_v1_MessagePurpose);
  'locale'?: (string);
  'expireTime'?: (_google_protobuf_Timestamp | null);
  'campaign'?: (string);
  'coupon'?: (_omni_channel_v1_CouponSpec | null);
  'throttlePerMinute'?: (number);
  'priority'?: (number);
  'onNoSlot'?: (_omni_channel_v1_NoSlotAction);
}

export interface SendRequest__Output {
  'idempotencyKey': (string);
  'customerId': (string);
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'templateId': (string);
  'offer': (_omni_channel_v1_RenderedOffer__Output | null);
  'variables': (_google_protobuf_Struct__Output | null);
  'journeyId': (string);
  'runId': (string);
  'purpose': (_omni_channel_v1_MessagePurpose__Output);
  'locale': (string);
  'expireTime': (_google_protobuf_Timestamp__Output | null);
  'campaign': (string);
  'coupon': (_omni_channel_v1_CouponSpec__Output | null);
  'throttlePerMinute': (number);
  'priority': (number);
  'onNoSlot': (_omni_channel_v1_NoSlotAction__Output);
}
