// Original file: omni/identity/v1/identity.proto

import type { TimelineEvent as _omni_identity_v1_TimelineEvent, TimelineEvent__Output as _omni_identity_v1_TimelineEvent__Output } from '../../../omni/identity/v1/TimelineEvent';

export interface ListEventsResponse {
  'events'?: (_omni_identity_v1_TimelineEvent)[];
  'nextPageToken'?: (string);
}

export interface ListEventsResponse__Output {
  'events': (_omni_identity_v1_TimelineEvent__Output)[];
  'nextPageToken': (string);
}
