// Original file: omni/channel/v1/channel.proto

export const ProviderKind = {
  PROVIDER_KIND_UNSPECIFIED: 'PROVIDER_KIND_UNSPECIFIED',
  PROVIDER_KIND_SMTP: 'PROVIDER_KIND_SMTP',
  PROVIDER_KIND_TWILIO: 'PROVIDER_KIND_TWILIO',
  PROVIDER_KIND_FCM: 'PROVIDER_KIND_FCM',
  PROVIDER_KIND_STORE_WEBHOOK: 'PROVIDER_KIND_STORE_WEBHOOK',
} as const;

export type ProviderKind =
  | 'PROVIDER_KIND_UNSPECIFIED'
  | 0
  | 'PROVIDER_KIND_SMTP'
  | 1
  | 'PROVIDER_KIND_TWILIO'
  | 2
  | 'PROVIDER_KIND_FCM'
  | 3
  | 'PROVIDER_KIND_STORE_WEBHOOK'
  | 4

export type ProviderKind__Output = typeof ProviderKind[keyof typeof ProviderKind]
