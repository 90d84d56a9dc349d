// Original file: omni/channel/v1/channel.proto

export const CouponState = {
  COUPON_STATE_UNSPECIFIED: 'COUPON_STATE_UNSPECIFIED',
  COUPON_STATE_ISSUED: 'COUPON_STATE_ISSUED',
  COUPON_STATE_REDEEMED: 'COUPON_STATE_REDEEMED',
  COUPON_STATE_EXPIRED: 'COUPON_STATE_EXPIRED',
} as const;

export type CouponState =
  | 'COUPON_STATE_UNSPECIFIED'
  | 0
  | 'COUPON_STATE_ISSUED'
  | 1
  | 'COUPON_STATE_REDEEMED'
  | 2
  | 'COUPON_STATE_EXPIRED'
  | 3

export type CouponState__Output = typeof CouponState[keyof typeof CouponState]
