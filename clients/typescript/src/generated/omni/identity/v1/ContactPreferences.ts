// Original file: omni/identity/v1/identity.proto

import type { CustomerQuietHours as _omni_identity_v1_CustomerQuietHours, CustomerQuietHours__Output as _omni_identity_v1_CustomerQuietHours__Output } from '../../../omni/identity/v1/CustomerQuietHours';
import type { Snooze as _omni_identity_v1_Snooze, Snooze__Output as _omni_identity_v1_Snooze__Output } from '../../../omni/identity/v1/Snooze';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface ContactPreferences {
  'quietHours'?: (_omni_identity_v1_CustomerQuietHours)[];
  'timeZone'?: (string);
  'snoozes'?: (_omni_identity_v1_Snooze)[];
  'updateTime'?: (_google_protobuf_Timestamp | null);
  'source'?: (string);
}

export interface ContactPreferences__Output {
  'quietHours': (_omni_identity_v1_CustomerQuietHours__Output)[];
  'timeZone': (string);
  'snoozes': (_omni_identity_v1_Snooze__Output)[];
  'updateTime': (_google_protobuf_Timestamp__Output | null);
  'source': (string);
}
