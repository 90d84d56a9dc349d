// Original file: omni/channel/v1/channel.proto

import type { Coupon as _omni_channel_v1_Coupon, Coupon__Output as _omni_channel_v1_Coupon__Output } from '../../../omni/channel/v1/Coupon';

export interface RedeemCouponResponse {
  'coupon'?: (_omni_channel_v1_Coupon | null);
}

export interface RedeemCouponResponse__Output {
  'coupon': (_omni_channel_v1_Coupon__Output | null);
}
