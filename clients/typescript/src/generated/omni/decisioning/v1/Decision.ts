// Original file: omni/decisioning/v1/decisioning.proto

import type { Placement as _omni_decisioning_v1_Placement, Placement__Output as _omni_decisioning_v1_Placement__Output } from '../../../omni/decisioning/v1/Placement';
import type { Candidate as _omni_decisioning_v1_Candidate, Candidate__Output as _omni_decisioning_v1_Candidate__Output } from '../../../omni/decisioning/v1/Candidate';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { RecordedOutcome as _omni_decisioning_v1_RecordedOutcome, RecordedOutcome__Output as _omni_decisioning_v1_RecordedOutcome__Output } from '../../../omni/decisioning/v1/RecordedOutcome';

export interface Decision {
  'decisionId'?: (string);
  'customerId'?: (string);
  'placement'?: (_omni_decisioning_v1_Placement);
  'offerIds'?: (string)[];
  'candidates'?: (_omni_decisioning_v1_Candidate)[];
  'createTime'?: (_google_protobuf_Timestamp | null);
  'experimentId'?: (string);
  'armId'?: (string);
  'outcomes'?: (_omni_decisioning_v1_RecordedOutcome)[];
}

export interface Decision__Output {
  'decisionId': (string);
  'customerId': (string);
  'placement': (_omni_decisioning_v1_Placement__Output);
  'offerIds': (string)[];
  'candidates': (_omni_decisioning_v1_Candidate__Output)[];
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'experimentId': (string);
  'armId': (string);
  'outcomes': (_omni_decisioning_v1_RecordedOutcome__Output)[];
}
