// Original file: omni/channel/v1/channel.proto

import type { Suppression as _omni_channel_v1_Suppression, Suppression__Output as _omni_channel_v1_Suppression__Output } from '../../../omni/channel/v1/Suppression';

export interface ListSuppressionsResponse {
  'suppressions'?: (_omni_channel_v1_Suppression)[];
  'nextPageToken'?: (string);
}

export interface ListSuppressionsResponse__Output {
  'suppressions': (_omni_channel_v1_Suppression__Output)[];
  'nextPageToken': (string);
}
