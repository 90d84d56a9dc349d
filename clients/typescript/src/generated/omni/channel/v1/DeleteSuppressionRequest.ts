// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';

export interface DeleteSuppressionRequest {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'address'?: (string);
}

export interface DeleteSuppressionRequest__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'address': (string);
}
