// Original file: omni/identity/v1/identity.proto

import type { Weekday as _omni_identity_v1_Weekday, Weekday__Output as _omni_identity_v1_Weekday__Output } from '../../../omni/identity/v1/Weekday';

export interface CustomerQuietHours {
  'startMinute'?: (number);
  'endMinute'?: (number);
  'weekdays'?: (_omni_identity_v1_Weekday)[];
}

export interface CustomerQuietHours__Output {
  'startMinute': (number);
  'endMinute': (number);
  'weekdays': (_omni_identity_v1_Weekday__Output)[];
}
