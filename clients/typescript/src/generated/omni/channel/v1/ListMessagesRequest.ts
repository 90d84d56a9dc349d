// Original file: omni/channel/v1/channel.proto

import type { MessageStatus as _omni_channel_v1_MessageStatus, MessageStatus__Output as _omni_channel_v1_MessageStatus__Output } from '../../../omni/channel/v1/MessageStatus';
import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';

export interface ListMessagesRequest {
  'customerId'?: (string);
  'pageSize'?: (number);
  'pageToken'?: (string);
  'statuses'?: (_omni_channel_v1_MessageStatus)[];
  'channel'?: (_omni_common_v1_DeliveryChannel);
}

export interface ListMessagesRequest__Output {
  'customerId': (string);
  'pageSize': (number);
  'pageToken': (string);
  'statuses': (_omni_channel_v1_MessageStatus__Output)[];
  'channel': (_omni_common_v1_DeliveryChannel__Output);
}
