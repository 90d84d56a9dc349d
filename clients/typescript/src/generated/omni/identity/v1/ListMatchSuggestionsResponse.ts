// Original file: omni/identity/v1/identity.proto

import type { MatchSuggestion as _omni_identity_v1_MatchSuggestion, MatchSuggestion__Output as _omni_identity_v1_MatchSuggestion__Output } from '../../../omni/identity/v1/MatchSuggestion';

export interface ListMatchSuggestionsResponse {
  'suggestions'?: (_omni_identity_v1_MatchSuggestion)[];
  'nextPageToken'?: (string);
}

export interface ListMatchSuggestionsResponse__Output {
  'suggestions': (_omni_identity_v1_MatchSuggestion__Output)[];
  'nextPageToken': (string);
}
