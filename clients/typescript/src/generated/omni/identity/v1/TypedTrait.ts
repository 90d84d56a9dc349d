// Original file: omni/identity/v1/identity.proto

import type { TraitType as _omni_identity_v1_TraitType, TraitType__Output as _omni_identity_v1_TraitType__Output } from '../../../omni/identity/v1/TraitType';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from '../../../google/protobuf/Value';

export interface TypedTrait {
  'name'?: (string);
  'type'?: (_omni_identity_v1_TraitType);
  'value'?: (_google_protobuf_Value | null);
}

export interface TypedTrait__Output {
  'name': (string);
  'type': (_omni_identity_v1_TraitType__Output);
  'value': (_google_protobuf_Value__Output | null);
}
