// Original file: omni/identity/v1/identity.proto

import type { Event as _omni_common_v1_Event, Event__Output as _omni_common_v1_Event__Output } from '../../../omni/common/v1/Event';

export interface TrackBatchRequest {
  'events'?: (_omni_common_v1_Event)[];
}

export interface TrackBatchRequest__Output {
  'events': (_omni_common_v1_Event__Output)[];
}
