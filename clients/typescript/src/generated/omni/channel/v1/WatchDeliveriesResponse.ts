// Original file: omni/channel/v1/channel.proto

import type { DeliveryEvent as _omni_channel_v1_DeliveryEvent, DeliveryEvent__Output as _omni_channel_v1_DeliveryEvent__Output } from '../../../omni/channel/v1/DeliveryEvent';

export interface WatchDeliveriesResponse {
  'event'?: (_omni_channel_v1_DeliveryEvent | null);
}

export interface WatchDeliveriesResponse__Output {
  'event': (_omni_channel_v1_DeliveryEvent__Output | null);
}
