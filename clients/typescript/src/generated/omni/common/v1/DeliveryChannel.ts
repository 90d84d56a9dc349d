// Original file: omni/common/v1/common.proto

export const DeliveryChannel = {
  DELIVERY_CHANNEL_UNSPECIFIED: 'DELIVERY_CHANNEL_UNSPECIFIED',
  DELIVERY_CHANNEL_EMAIL: 'DELIVERY_CHANNEL_EMAIL',
  DELIVERY_CHANNEL_PUSH: 'DELIVERY_CHANNEL_PUSH',
  DELIVERY_CHANNEL_SMS: 'DELIVERY_CHANNEL_SMS',
  DELIVERY_CHANNEL_STORE: 'DELIVERY_CHANNEL_STORE',
} as const;

export type DeliveryChannel =
  | 'DELIVERY_CHANNEL_UNSPECIFIED'
  | 0
  | 'DELIVERY_CHANNEL_EMAIL'
  | 1
  | 'DELIVERY_CHANNEL_PUSH'
  | 2
  | 'DELIVERY_CHANNEL_SMS'
  | 3
  | 'DELIVERY_CHANNEL_STORE'
  | 4

export type DeliveryChannel__Output = typeof DeliveryChannel[keyof typeof DeliveryChannel]
