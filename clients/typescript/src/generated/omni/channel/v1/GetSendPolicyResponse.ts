// Original file: omni/channel/v1/channel.proto

import type { SendPolicy as _omni_channel_v1_SendPolicy, SendPolicy__Output as _omni_channel_v1_SendPolicy__Output } from '../../../omni/channel/v1/SendPolicy';

export interface GetSendPolicyResponse {
  'policy'?: (_omni_channel_v1_SendPolicy | null);
}

export interface GetSendPolicyResponse__Output {
  'policy': (_omni_channel_v1_SendPolicy__Output | null);
}
