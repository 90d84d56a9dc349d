// Original file: omni/identity/v1/identity.proto

import type { Normalization as _omni_identity_v1_Normalization, Normalization__Output as _omni_identity_v1_Normalization__Output } from '../../../omni/identity/v1/Normalization';

export interface IdentifierTypeRule {
  'name'?: (string);
  'priority'?: (number);
  'maxPerProfile'?: (number);
  'blockedValues'?: (string)[];
  'normalization'?: (_omni_identity_v1_Normalization);
}

export interface IdentifierTypeRule__Output {
  'name': (string);
  'priority': (number);
  'maxPerProfile': (number);
  'blockedValues': (string)[];
  'normalization': (_omni_identity_v1_Normalization__Output);
}
