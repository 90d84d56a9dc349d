// Original file: omni/identity/v1/identity.proto

import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from '../../../omni/common/v1/Identifier';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Conflict {
  'conflictId'?: (string);
  'eventId'?: (string);
  'customerId'?: (string);
  'otherCustomerIds'?: (string)[];
  'identifiers'?: (_omni_common_v1_Identifier)[];
  'rule'?: (string);
  'reason'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'ignoredIdentifiers'?: (_omni_common_v1_Identifier)[];
}

export interface Conflict__Output {
  'conflictId': (string);
  'eventId': (string);
  'customerId': (string);
  'otherCustomerIds': (string)[];
  'identifiers': (_omni_common_v1_Identifier__Output)[];
  'rule': (string);
  'reason': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'ignoredIdentifiers': (_omni_common_v1_Identifier__Output)[];
}
