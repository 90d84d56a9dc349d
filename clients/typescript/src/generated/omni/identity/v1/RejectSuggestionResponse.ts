// Original file: omni/identity/v1/identity.proto

import type { MatchSuggestion as _omni_identity_v1_MatchSuggestion, MatchSuggestion__Output as _omni_identity_v1_MatchSuggestion__Output } from '../../../omni/identity/v1/MatchSuggestion';

export interface RejectSuggestionResponse {
  'suggestion'?: (_omni_identity_v1_MatchSuggestion | null);
}

export interface RejectSuggestionResponse__Output {
  'suggestion': (_omni_identity_v1_MatchSuggestion__Output | null);
}
