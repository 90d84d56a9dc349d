// Original file: omni/identity/v1/identity.proto

import type { Role as _omni_identity_v1_Role, Role__Output as _omni_identity_v1_Role__Output } from '../../../omni/identity/v1/Role';

export interface CreateApiKeyRequest {
  'name'?: (string);
  'role'?: (_omni_identity_v1_Role);
}

export interface CreateApiKeyRequest__Output {
  'name': (string);
  'role': (_omni_identity_v1_Role__Output);
}
