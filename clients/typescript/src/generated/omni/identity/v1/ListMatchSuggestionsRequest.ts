// Original file: omni/identity/v1/identity.proto

import type { SuggestionState as _omni_identity_v1_SuggestionState, SuggestionState__Output as _omni_identity_v1_SuggestionState__Output } from '../../../omni/identity/v1/SuggestionState';

export interface ListMatchSuggestionsRequest {
  'customerId'?: (string);
  'state'?: (_omni_identity_v1_SuggestionState);
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListMatchSuggestionsRequest__Output {
  'customerId': (string);
  'state': (_omni_identity_v1_SuggestionState__Output);
  'pageSize': (number);
  'pageToken': (string);
}
