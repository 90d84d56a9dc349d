// Original file: omni/identity/v1/identity.proto

import type { Consent as _omni_identity_v1_Consent, Consent__Output as _omni_identity_v1_Consent__Output } from '../../../omni/identity/v1/Consent';

export interface UpdateConsentResponse {
  'consent'?: (_omni_identity_v1_Consent | null);
}

export interface UpdateConsentResponse__Output {
  'consent': (_omni_identity_v1_Consent__Output | null);
}
