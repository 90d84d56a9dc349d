// Original file: omni/channel/v1/channel.proto

import type { Template as _omni_channel_v1_Template, Template__Output as _omni_channel_v1_Template__Output } from '../../../omni/channel/v1/Template';
import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { TemplateSample as _omni_channel_v1_TemplateSample, TemplateSample__Output as _omni_channel_v1_TemplateSample__Output } from '../../../omni/channel/v1/TemplateSample';
import type { Long } from '@grpc/proto-loader';

export interface PreviewTemplateRequest {
  'templateId'?: (string);
  'template'?: (_omni_channel_v1_Template | null);
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'locale'?: (string);
  'sample'?: (_omni_channel_v1_TemplateSample | null);
  'customerId'?: (string);
  'version'?: (number | string | Long);
}

export interface PreviewTemplateRequest__Output {
  'templateId': (string);
  'template': (_omni_channel_v1_Template__Output | null);
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'locale': (string);
  'sample': (_omni_channel_v1_TemplateSample__Output | null);
  'customerId': (string);
  'version': (string);
}
