// Original file: omni/decisioning/v1/decisioning.proto

export const Placement = {
  PLACEMENT_UNSPECIFIED: 'PLACEMENT_UNSPECIFIED',
  PLACEMENT_EMAIL_HERO: 'PLACEMENT_EMAIL_HERO',
  PLACEMENT_PUSH: 'PLACEMENT_PUSH',
  PLACEMENT_SMS: 'PLACEMENT_SMS',
  PLACEMENT_STORE_COUPON: 'PLACEMENT_STORE_COUPON',
  PLACEMENT_APP_BANNER: 'PLACEMENT_APP_BANNER',
} as const;

export type Placement =
  | 'PLACEMENT_UNSPECIFIED'
  | 0
  | 'PLACEMENT_EMAIL_HERO'
  | 1
  | 'PLACEMENT_PUSH'
  | 2
  | 'PLACEMENT_SMS'
  | 3
  | 'PLACEMENT_STORE_COUPON'
  | 4
  | 'PLACEMENT_APP_BANNER'
  | 5

export type Placement__Output = typeof Placement[keyof typeof Placement]
