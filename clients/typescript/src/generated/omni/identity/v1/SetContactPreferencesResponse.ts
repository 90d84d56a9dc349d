// Original file: omni/identity/v1/identity.proto

import type { ContactPreferences as _omni_identity_v1_ContactPreferences, ContactPreferences__Output as _omni_identity_v1_ContactPreferences__Output } from '../../../omni/identity/v1/ContactPreferences';

export interface SetContactPreferencesResponse {
  'preferences'?: (_omni_identity_v1_ContactPreferences | null);
}

export interface SetContactPreferencesResponse__Output {
  'preferences': (_omni_identity_v1_ContactPreferences__Output | null);
}
