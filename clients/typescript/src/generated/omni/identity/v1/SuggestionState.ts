// Original file: omni/identity/v1/identity.proto

export const SuggestionState = {
  SUGGESTION_STATE_UNSPECIFIED: 'SUGGESTION_STATE_UNSPECIFIED',
  SUGGESTION_STATE_OPEN: 'SUGGESTION_STATE_OPEN',
  SUGGESTION_STATE_ACCEPTED: 'SUGGESTION_STATE_ACCEPTED',
  SUGGESTION_STATE_REJECTED: 'SUGGESTION_STATE_REJECTED',
} as const;

export type SuggestionState =
  | 'SUGGESTION_STATE_UNSPECIFIED'
  | 0
  | 'SUGGESTION_STATE_OPEN'
  | 1
  | 'SUGGESTION_STATE_ACCEPTED'
  | 2
  | 'SUGGESTION_STATE_REJECTED'
  | 3

export type SuggestionState__Output = typeof SuggestionState[keyof typeof SuggestionState]
