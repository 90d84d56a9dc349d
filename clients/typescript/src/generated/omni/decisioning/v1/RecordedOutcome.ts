// Original file: omni/decisioning/v1/decisioning.proto

import type { OutcomeKind as _omni_decisioning_v1_OutcomeKind, OutcomeKind__Output as _omni_decisioning_v1_OutcomeKind__Output } from '../../../omni/decisioning/v1/OutcomeKind';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface RecordedOutcome {
  'offerId'?: (string);
  'kind'?: (_omni_decisioning_v1_OutcomeKind);
  'occurTime'?: (_google_protobuf_Timestamp | null);
}

export interface RecordedOutcome__Output {
  'offerId': (string);
  'kind': (_omni_decisioning_v1_OutcomeKind__Output);
  'occurTime': (_google_protobuf_Timestamp__Output | null);
}
