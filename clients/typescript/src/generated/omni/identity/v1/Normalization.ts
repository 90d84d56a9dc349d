// Original file: omni/identity/v1/identity.proto

export const Normalization = {
  NORMALIZATION_UNSPECIFIED: 'NORMALIZATION_UNSPECIFIED',
  NORMALIZATION_TRIM: 'NORMALIZATION_TRIM',
  NORMALIZATION_LOWERCASE: 'NORMALIZATION_LOWERCASE',
  NORMALIZATION_EMAIL: 'NORMALIZATION_EMAIL',
  NORMALIZATION_PHONE: 'NORMALIZATION_PHONE',
} as const;

export type Normalization =
  | 'NORMALIZATION_UNSPECIFIED'
  | 0
  | 'NORMALIZATION_TRIM'
  | 1
  | 'NORMALIZATION_LOWERCASE'
  | 2
  | 'NORMALIZATION_EMAIL'
  | 3
  | 'NORMALIZATION_PHONE'
  | 4

export type Normalization__Output = typeof Normalization[keyof typeof Normalization]
