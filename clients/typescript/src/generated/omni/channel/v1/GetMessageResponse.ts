// Original file: omni/channel/v1/channel.proto

import type { Message as _omni_channel_v1_Message, Message__Output as _omni_channel_v1_Message__Output } from '../../../omni/channel/v1/Message';

export interface GetMessageResponse {
  'message'?: (_omni_channel_v1_Message | null);
}

export interface GetMessageResponse__Output {
  'message': (_omni_channel_v1_Message__Output | null);
}
