// Original file: omni/decisioning/v1/decisioning.proto

export const OutcomeKind = {
  OUTCOME_KIND_UNSPECIFIED: 'OUTCOME_KIND_UNSPECIFIED',
  OUTCOME_KIND_IMPRESSION: 'OUTCOME_KIND_IMPRESSION',
  OUTCOME_KIND_CLICK: 'OUTCOME_KIND_CLICK',
  OUTCOME_KIND_CONVERSION: 'OUTCOME_KIND_CONVERSION',
  OUTCOME_KIND_DISMISS: 'OUTCOME_KIND_DISMISS',
} as const;

export type OutcomeKind =
  | 'OUTCOME_KIND_UNSPECIFIED'
  | 0
  | 'OUTCOME_KIND_IMPRESSION'
  | 1
  | 'OUTCOME_KIND_CLICK'
  | 2
  | 'OUTCOME_KIND_CONVERSION'
  | 3
  | 'OUTCOME_KIND_DISMISS'
  | 4

export type OutcomeKind__Output = typeof OutcomeKind[keyof typeof OutcomeKind]
