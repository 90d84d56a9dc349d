// Original file: omni/decisioning/v1/decisioning.proto

export const ContactPurpose = {
  CONTACT_PURPOSE_UNSPECIFIED: 'CONTACT_PURPOSE_UNSPECIFIED',
  CONTACT_PURPOSE_MARKETING: 'CONTACT_PURPOSE_MARKETING',
  CONTACT_PURPOSE_TRANSACTIONAL: 'CONTACT_PURPOSE_TRANSACTIONAL',
} as const;

export type ContactPurpose =
  | 'CONTACT_PURPOSE_UNSPECIFIED'
  | 0
  | 'CONTACT_PURPOSE_MARKETING'
  | 1
  | 'CONTACT_PURPOSE_TRANSACTIONAL'
  | 2

export type ContactPurpose__Output = typeof ContactPurpose[keyof typeof ContactPurpose]
