// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';

export interface GetProviderConfigRequest {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'providerId'?: (string);
}

export interface GetProviderConfigRequest__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'providerId': (string);
}
