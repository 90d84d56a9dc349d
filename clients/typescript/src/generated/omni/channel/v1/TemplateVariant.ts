// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';

export interface TemplateVariant {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'locale'?: (string);
  'subject'?: (string);
  'body'?: (string);
  'htmlBody'?: (string);
}

export interface TemplateVariant__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'locale': (string);
  'subject': (string);
  'body': (string);
  'htmlBody': (string);
}
