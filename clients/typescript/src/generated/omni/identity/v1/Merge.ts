// Original file: omni/identity/v1/identity.proto

import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from '../../../omni/common/v1/Identifier';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Merge {
  'mergeId'?: (string);
  'customerId'?: (string);
  'mergedCustomerId'?: (string);
  'rule'?: (string);
  'eventId'?: (string);
  'identifiers'?: (_omni_common_v1_Identifier)[];
  'createTime'?: (_google_protobuf_Timestamp | null);
  'actor'?: (string);
  'reason'?: (string);
  'unmergeTime'?: (_google_protobuf_Timestamp | null);
  'unmergeActor'?: (string);
}

export interface Merge__Output {
  'mergeId': (string);
  'customerId': (string);
  'mergedCustomerId': (string);
  'rule': (string);
  'eventId': (string);
  'identifiers': (_omni_common_v1_Identifier__Output)[];
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'actor': (string);
  'reason': (string);
  'unmergeTime': (_google_protobuf_Timestamp__Output | null);
  'unmergeActor': (string);
}
