// Original file: omni/identity/v1/identity.proto

import type { ContactPreferences as _omni_identity_v1_ContactPreferences, ContactPreferences__Output as _omni_identity_v1_ContactPreferences__Output } from '../../../omni/identity/v1/ContactPreferences';
import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from '../../../google/protobuf/FieldMask';

export interface SetContactPreferencesRequest {
  'customerId'?: (string);
  'preferences'?: (_omni_identity_v1_ContactPreferences | null);
  'updateMask'?: (_google_protobuf_FieldMask | null);
  'source'?: (string);
}

export interface SetContactPreferencesRequest__Output {
  'customerId': (string);
  'preferences': (_omni_identity_v1_ContactPreferences__Output | null);
  'updateMask': (_google_protobuf_FieldMask__Output | null);
  'source': (string);
}
