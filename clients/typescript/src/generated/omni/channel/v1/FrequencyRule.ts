// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { CapWindow as _omni_channel_v1_CapWindow, CapWindow__Output as _omni_channel_v1_CapWindow__Output } from '../../../omni/channel/v1/CapWindow';

export interface FrequencyRule {
  'channels'?: (_omni_common_v1_DeliveryChannel)[];
  'max'?: (number);
  'period'?: (_omni_channel_v1_CapWindow);
}

export interface FrequencyRule__Output {
  'channels': (_omni_common_v1_DeliveryChannel__Output)[];
  'max': (number);
  'period': (_omni_channel_v1_CapWindow__Output);
}
