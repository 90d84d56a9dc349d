// Original file: omni/channel/v1/channel.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { CouponState as _omni_channel_v1_CouponState, CouponState__Output as _omni_channel_v1_CouponState__Output } from '../../../omni/channel/v1/CouponState';

export interface Coupon {
  'code'?: (string);
  'customerId'?: (string);
  'offerId'?: (string);
  'expireTime'?: (_google_protobuf_Timestamp | null);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'state'?: (_omni_channel_v1_CouponState);
  'redeemTime'?: (_google_protobuf_Timestamp | null);
  'redeemStoreId'?: (string);
  'messageId'?: (string);
}

export interface Coupon__Output {
  'code': (string);
  'customerId': (string);
  'offerId': (string);
  'expireTime': (_google_protobuf_Timestamp__Output | null);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'state': (_omni_channel_v1_CouponState__Output);
  'redeemTime': (_google_protobuf_Timestamp__Output | null);
  'redeemStoreId': (string);
  'messageId': (string);
}
