// Original file: omni/identity/v1/identity.proto

import type { Merge as _omni_identity_v1_Merge, Merge__Output as _omni_identity_v1_Merge__Output } from '../../../omni/identity/v1/Merge';

export interface MergeCustomersResponse {
  'merge'?: (_omni_identity_v1_Merge | null);
}

export interface MergeCustomersResponse__Output {
  'merge': (_omni_identity_v1_Merge__Output | null);
}
