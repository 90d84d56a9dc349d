// Original file: omni/identity/v1/identity.proto

import type { ApiKey as _omni_identity_v1_ApiKey, ApiKey__Output as _omni_identity_v1_ApiKey__Output } from '../../../omni/identity/v1/ApiKey';

export interface ListApiKeysResponse {
  'keys'?: (_omni_identity_v1_ApiKey)[];
  'nextPageToken'?: (string);
}

export interface ListApiKeysResponse__Output {
  'keys': (_omni_identity_v1_ApiKey__Output)[];
  'nextPageToken': (string);
}
