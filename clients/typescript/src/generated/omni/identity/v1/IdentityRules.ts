// Original file: omni/identity/v1/identity.proto

import type { IdentifierTypeRule as _omni_identity_v1_IdentifierTypeRule, IdentifierTypeRule__Output as _omni_identity_v1_IdentifierTypeRule__Output } from '../../../omni/identity/v1/IdentifierTypeRule';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface IdentityRules {
  'identifierTypes'?: (_omni_identity_v1_IdentifierTypeRule)[];
  'maxIdentifiersPerProfile'?: (number);
  'maxMergesPerProfile'?: (number);
  'defaultPhoneRegion'?: (string);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface IdentityRules__Output {
  'identifierTypes': (_omni_identity_v1_IdentifierTypeRule__Output)[];
  'maxIdentifiersPerProfile': (number);
  'maxMergesPerProfile': (number);
  'defaultPhoneRegion': (string);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
