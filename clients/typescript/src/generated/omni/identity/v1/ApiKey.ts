// Original file: omni/identity/v1/identity.proto

import type { Role as _omni_identity_v1_Role, Role__Output as _omni_identity_v1_Role__Output } from '../../../omni/identity/v1/Role';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface ApiKey {
  'keyId'?: (string);
  'name'?: (string);
  'role'?: (_omni_identity_v1_Role);
  'secretPrefix'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'createdBy'?: (string);
  'rotateTime'?: (_google_protobuf_Timestamp | null);
  'revokeTime'?: (_google_protobuf_Timestamp | null);
  'previousSecretExpireTime'?: (_google_protobuf_Timestamp | null);
}

export interface ApiKey__Output {
  'keyId': (string);
  'name': (string);
  'role': (_omni_identity_v1_Role__Output);
  'secretPrefix': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'createdBy': (string);
  'rotateTime': (_google_protobuf_Timestamp__Output | null);
  'revokeTime': (_google_protobuf_Timestamp__Output | null);
  'previousSecretExpireTime': (_google_protobuf_Timestamp__Output | null);
}
