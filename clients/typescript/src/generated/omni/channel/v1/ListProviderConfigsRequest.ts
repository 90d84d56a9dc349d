// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';

export interface ListProviderConfigsRequest {
  'channel'?: (_omni_common_v1_DeliveryChannel);
}

export interface ListProviderConfigsRequest__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
}
