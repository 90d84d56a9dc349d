// Original file: omni/identity/v1/identity.proto

import type { Merge as _omni_identity_v1_Merge, Merge__Output as _omni_identity_v1_Merge__Output } from '../../../omni/identity/v1/Merge';
import type { Conflict as _omni_identity_v1_Conflict, Conflict__Output as _omni_identity_v1_Conflict__Output } from '../../../omni/identity/v1/Conflict';

export interface GetMergeHistoryResponse {
  'merges'?: (_omni_identity_v1_Merge)[];
  'conflicts'?: (_omni_identity_v1_Conflict)[];
}

export interface GetMergeHistoryResponse__Output {
  'merges': (_omni_identity_v1_Merge__Output)[];
  'conflicts': (_omni_identity_v1_Conflict__Output)[];
}
