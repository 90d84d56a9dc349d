// Original file: omni/identity/v1/identity.proto

import type { IdentityRules as _omni_identity_v1_IdentityRules, IdentityRules__Output as _omni_identity_v1_IdentityRules__Output } from '../../../omni/identity/v1/IdentityRules';

export interface GetIdentityRulesResponse {
  'rules'?: (_omni_identity_v1_IdentityRules | null);
}

export interface GetIdentityRulesResponse__Output {
  'rules': (_omni_identity_v1_IdentityRules__Output | null);
}
