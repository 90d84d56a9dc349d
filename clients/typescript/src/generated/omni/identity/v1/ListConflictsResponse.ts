// Original file: omni/identity/v1/identity.proto

import type { Conflict as _omni_identity_v1_Conflict, Conflict__Output as _omni_identity_v1_Conflict__Output } from '../../../omni/identity/v1/Conflict';

export interface ListConflictsResponse {
  'conflicts'?: (_omni_identity_v1_Conflict)[];
  'nextPageToken'?: (string);
}

export interface ListConflictsResponse__Output {
  'conflicts': (_omni_identity_v1_Conflict__Output)[];
  'nextPageToken': (string);
}
