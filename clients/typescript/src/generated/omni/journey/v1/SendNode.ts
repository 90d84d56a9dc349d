// Original file: omni/journey/v1/journey.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';

export interface SendNode {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'templateId'?: (string);
  'bestChannel'?: (boolean);
  'candidates'?: (_omni_common_v1_DeliveryChannel)[];
}

export interface SendNode__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'templateId': (string);
  'bestChannel': (boolean);
  'candidates': (_omni_common_v1_DeliveryChannel__Output)[];
}
