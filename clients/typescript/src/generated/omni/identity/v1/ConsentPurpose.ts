// Original file: omni/identity/v1/identity.proto

export const ConsentPurpose = {
  CONSENT_PURPOSE_UNSPECIFIED: 'CONSENT_PURPOSE_UNSPECIFIED',
  CONSENT_PURPOSE_MARKETING: 'CONSENT_PURPOSE_MARKETING',
  CONSENT_PURPOSE_TRANSACTIONAL: 'CONSENT_PURPOSE_TRANSACTIONAL',
} as const;

export type ConsentPurpose =
  | 'CONSENT_PURPOSE_UNSPECIFIED'
  | 0
  | 'CONSENT_PURPOSE_MARKETING'
  | 1
  | 'CONSENT_PURPOSE_TRANSACTIONAL'
  | 2

export type ConsentPurpose__Output = typeof ConsentPurpose[keyof typeof ConsentPurpose]
