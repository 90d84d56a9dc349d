// Original file: omni/identity/v1/identity.proto

import type { Merge as _omni_identity_v1_Merge, Merge__Output as _omni_identity_v1_Merge__Output } from '../../../omni/identity/v1/Merge';
import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from '../../../omni/common/v1/Identifier';

export interface UnmergeResponse {
  'merge'?: (_omni_identity_v1_Merge | null);
  'restoredIdentifiers'?: (_omni_common_v1_Identifier)[];
  'restoredEventCount'?: (number);
}

export interface UnmergeResponse__Output {
  'merge': (_omni_identity_v1_Merge__Output | null);
  'restoredIdentifiers': (_omni_common_v1_Identifier__Output)[];
  'restoredEventCount': (number);
}
