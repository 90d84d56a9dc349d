// Original file: omni/channel/v1/channel.proto

import type { TemplateVariantDiff as _omni_channel_v1_TemplateVariantDiff, TemplateVariantDiff__Output as _omni_channel_v1_TemplateVariantDiff__Output } from '../../../omni/channel/v1/TemplateVariantDiff';
import type { Long } from '@grpc/proto-loader';

export interface TemplateDiff {
  'baseVersion'?: (number | string | Long);
  'variants'?: (_omni_channel_v1_TemplateVariantDiff)[];
  'displayNameChanged'?: (boolean);
  'sampleChanged'?: (boolean);
}

export interface TemplateDiff__Output {
  'baseVersion': (string);
  'variants': (_omni_channel_v1_TemplateVariantDiff__Output)[];
  'displayNameChanged': (boolean);
  'sampleChanged': (boolean);
}
