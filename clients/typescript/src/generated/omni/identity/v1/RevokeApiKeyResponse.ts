// Original file: omni/identity/v1/identity.proto

import type { ApiKey as _omni_identity_v1_ApiKey, ApiKey__Output as _omni_identity_v1_ApiKey__Output } from '../../../omni/identity/v1/ApiKey';

export interface RevokeApiKeyResponse {
  'key'?: (_omni_identity_v1_ApiKey | null);
}

export interface RevokeApiKeyResponse__Output {
  'key': (_omni_identity_v1_ApiKey__Output | null);
}
