// Original file: omni/identity/v1/identity.proto

import type { TypedTrait as _omni_identity_v1_TypedTrait, TypedTrait__Output as _omni_identity_v1_TypedTrait__Output } from '../../../omni/identity/v1/TypedTrait';

export interface IdentifyResponse {
  'customerId'?: (string);
  'duplicate'?: (boolean);
  'traits'?: (_omni_identity_v1_TypedTrait)[];
  'unsetTraits'?: (string)[];
}

export interface IdentifyResponse__Output {
  'customerId': (string);
  'duplicate': (boolean);
  'traits': (_omni_identity_v1_TypedTrait__Output)[];
  'unsetTraits': (string)[];
}
