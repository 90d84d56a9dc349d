// Original file: omni/channel/v1/channel.proto

export const MessagePurpose = {
  MESSAGE_PURPOSE_UNSPECIFIED: 'MESSAGE_PURPOSE_UNSPECIFIED',
  MESSAGE_PURPOSE_TRANSACTIONAL: 'MESSAGE_PURPOSE_TRANSACTIONAL',
  MESSAGE_PURPOSE_MARKETING: 'MESSAGE_PURPOSE_MARKETING',
} as const;

export type MessagePurpose =
  | 'MESSAGE_PURPOSE_UNSPECIFIED'
  | 0
  | 'MESSAGE_PURPOSE_TRANSACTIONAL'
  | 1
  | 'MESSAGE_PURPOSE_MARKETING'
  | 2

export type MessagePurpose__Output = typeof MessagePurpose[keyof typeof MessagePurpose]
