// Original file: omni/identity/v1/identity.proto

import type { MatchSuggestion as _omni_identity_v1_MatchSuggestion, MatchSuggestion__Output as _omni_identity_v1_MatchSuggestion__Output } from '../../../omni/identity/v1/MatchSuggestion';
import type { Merge as _omni_identity_v1_Merge, Merge__Output as _omni_identity_v1_Merge__Output } from '../../../omni/identity/v1/Merge';

export interface AcceptSuggestionResponse {
  'suggestion'?: (_omni_identity_v1_MatchSuggestion | null);
  'merge'?: (_omni_identity_v1_Merge | null);
}

export interface AcceptSuggestionResponse__Output {
  'suggestion': (_omni_identity_v1_MatchSuggestion__Output | null);
  'merge': (_omni_identity_v1_Merge__Output | null);
}
