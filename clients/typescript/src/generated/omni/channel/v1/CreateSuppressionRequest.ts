// Original file: omni/channel/v1/channel.proto

import type { Suppression as _omni_channel_v1_Suppression, Suppression__Output as _omni_channel_v1_Suppression__Output } from '../../../omni/channel/v1/Suppression';

export interface CreateSuppressionRequest {
  'suppression'?: (_omni_channel_v1_Suppression | null);
}

export interface CreateSuppressionRequest__Output {
  'suppression': (_omni_channel_v1_Suppression__Output | null);
}
