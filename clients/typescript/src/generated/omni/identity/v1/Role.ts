// Original file: omni/identity/v1/identity.proto

export const Role = {
  ROLE_UNSPECIFIED: 'ROLE_UNSPECIFIED',
  ROLE_ADMIN: 'ROLE_ADMIN',
  ROLE_MARKETER: 'ROLE_MARKETER',
  ROLE_APPROVER: 'ROLE_APPROVER',
  ROLE_ANALYST: 'ROLE_ANALYST',
  ROLE_SERVICE: 'ROLE_SERVICE',
} as const;

export type Role =
  | 'ROLE_UNSPECIFIED'
  | 0
  | 'ROLE_ADMIN'
  | 1
  | 'ROLE_MARKETER'
  | 2
  | 'ROLE_APPROVER'
  | 3
  | 'ROLE_ANALYST'
  | 4
  | 'ROLE_SERVICE'
  | 5

export type Role__Output = typeof Role[keyof typeof Role]
