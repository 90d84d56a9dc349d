// Original file: omni/channel/v1/channel.proto

export const SmsEncoding = {
  SMS_ENCODING_UNSPECIFIED: 'SMS_ENCODING_UNSPECIFIED',
  SMS_ENCODING_GSM7: 'SMS_ENCODING_GSM7',
  SMS_ENCODING_UCS2: 'SMS_ENCODING_UCS2',
} as const;

export type SmsEncoding =
  | 'SMS_ENCODING_UNSPECIFIED'
  | 0
  | 'SMS_ENCODING_GSM7'
  | 1
  | 'SMS_ENCODING_UCS2'
  | 2

export type SmsEncoding__Output = typeof SmsEncoding[keyof typeof SmsEncoding]
