// Original file: omni/identity/v1/identity.proto

import type { Profile as _omni_identity_v1_Profile, Profile__Output as _omni_identity_v1_Profile__Output } from '../../../omni/identity/v1/Profile';

export interface GetProfileResponse {
  'profile'?: (_omni_identity_v1_Profile | null);
}

export interface GetProfileResponse__Output {
  'profile': (_omni_identity_v1_Profile__Output | null);
}
