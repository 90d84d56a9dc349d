// Original file: omni/identity/v1/identity.proto

import type { Event as _omni_common_v1_Event, Event__Output as _omni_common_v1_Event__Output } from '../../../omni/common/v1/Event';

export interface TrackRequest {
  'event'?: (_omni_common_v1_Event | null);
}

export interface TrackRequest__Output {
  'event': (_omni_common_v1_Event__Output | null);
}
