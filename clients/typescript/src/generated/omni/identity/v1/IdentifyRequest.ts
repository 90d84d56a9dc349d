// Original file: omni/identity/v1/identity.proto

import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from '../../../omni/common/v1/Identifier';
import type { TypedTrait as _omni_identity_v1_TypedTrait, TypedTrait__Output as _omni_identity_v1_TypedTrait__Output } from '../../../omni/identity/v1/TypedTrait';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface IdentifyRequest {
  'customerId'?: (string);
  'identifier'?: (_omni_common_v1_Identifier | null);
  'traits'?: (_omni_identity_v1_TypedTrait)[];
  'unsetTraits'?: (string)[];
  'idempotencyKey'?: (string);
  'time'?: (_google_protobuf_Timestamp | null);
}

export interface IdentifyRequest__Output {
  'customerId': (string);
  'identifier': (_omni_common_v1_Identifier__Output | null);
  'traits': (_omni_identity_v1_TypedTrait__Output)[];
  'unsetTraits': (string)[];
  'idempotencyKey': (string);
  'time': (_google_protobuf_Timestamp__Output | null);
}
