// Original file: omni/identity/v1/identity.proto

import type { MatchSignal as _omni_identity_v1_MatchSignal, MatchSignal__Output as _omni_identity_v1_MatchSignal__Output } from '../../../omni/identity/v1/MatchSignal';
import type { SuggestionState as _omni_identity_v1_SuggestionState, SuggestionState__Output as _omni_identity_v1_SuggestionState__Output } from '../../../omni/identity/v1/SuggestionState';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface MatchSuggestion {
  'suggestionId'?: (string);
  'customerId'?: (string);
  'otherCustomerId'?: (string);
  'score'?: (number | string);
  'signals'?: (_omni_identity_v1_MatchSignal)[];
  'state'?: (_omni_identity_v1_SuggestionState);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
  'mergeId'?: (string);
  'decidedBy'?: (string);
  'reason'?: (string);
}

export interface MatchSuggestion__Output {
  'suggestionId': (string);
  'customerId': (string);
  'otherCustomerId': (string);
  'score': (number);
  'signals': (_omni_identity_v1_MatchSignal__Output)[];
  'state': (_omni_identity_v1_SuggestionState__Output);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
  'mergeId': (string);
  'decidedBy': (string);
  'reason': (string);
}
