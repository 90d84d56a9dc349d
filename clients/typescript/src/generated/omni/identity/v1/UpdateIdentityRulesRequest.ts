// Original file: omni/identity/v1/identity.proto

import type { IdentityRules as _omni_identity_v1_IdentityRules, IdentityRules__Output as _omni_identity_v1_IdentityRules__Output } from '../../../omni/identity/v1/IdentityRules';
import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from '../../../google/protobuf/FieldMask';

export interface UpdateIdentityRulesRequest {
  'rules'?: (_omni_identity_v1_IdentityRules | null);
  'updateMask'?: (_google_protobuf_FieldMask | null);
}

export interface UpdateIdentityRulesRequest__Output {
  'rules': (_omni_identity_v1_IdentityRules__Output | null);
  'updateMask': (_google_protobuf_FieldMask__Output | null);
}
