// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { TemplateVariantChange as _omni_channel_v1_TemplateVariantChange, TemplateVariantChange__Output as _omni_channel_v1_TemplateVariantChange__Output } from '../../../omni/channel/v1/TemplateVariantChange';
import type { TemplateVariant as _omni_channel_v1_TemplateVariant, TemplateVariant__Output as _omni_channel_v1_TemplateVariant__Output } from '../../../omni/channel/v1/TemplateVariant';

export interface TemplateVariantDiff {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'locale'?: (string);
  'change'?: (_omni_channel_v1_TemplateVariantChange);
  'fieldsChanged'?: (string)[];
  'before'?: (_omni_channel_v1_TemplateVariant | null);
  'after'?: (_omni_channel_v1_TemplateVariant | null);
}

export interface TemplateVariantDiff__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'locale': (string);
  'change': (_omni_channel_v1_TemplateVariantChange__Output);
  'fieldsChanged': (string)[];
  'before': (_omni_channel_v1_TemplateVariant__Output | null);
  'after': (_omni_channel_v1_TemplateVariant__Output | null);
}
