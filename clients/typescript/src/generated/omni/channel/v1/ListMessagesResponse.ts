// Original file: omni/channel/v1/channel.proto

import type { Message as _omni_channel_v1_Message, Message__Output as _omni_channel_v1_Message__Output } from '../../../omni/channel/v1/Message';

export interface ListMessagesResponse {
  'messages'?: (_omni_channel_v1_Message)[];
  'nextPageToken'?: (string);
}

export interface ListMessagesResponse__Output {
  'messages': (_omni_channel_v1_Message__Output)[];
  'nextPageToken': (string);
}
