// Original file: omni/channel/v1/channel.proto

import type { Template as _omni_channel_v1_Template, Template__Output as _omni_channel_v1_Template__Output } from '../../../omni/channel/v1/Template';
import type { TemplateDiff as _omni_channel_v1_TemplateDiff, TemplateDiff__Output as _omni_channel_v1_TemplateDiff__Output } from '../../../omni/channel/v1/TemplateDiff';
import type { TemplateReviewEntry as _omni_channel_v1_TemplateReviewEntry, TemplateReviewEntry__Output as _omni_channel_v1_TemplateReviewEntry__Output } from '../../../omni/channel/v1/TemplateReviewEntry';

export interface TemplateReview {
  'template'?: (_omni_channel_v1_Template | null);
  'approvalRequired'?: (boolean);
  'diff'?: (_omni_channel_v1_TemplateDiff | null);
  'history'?: (_omni_channel_v1_TemplateReviewEntry)[];
}

export interface TemplateReview__Output {
  'template': (_omni_channel_v1_Template__Output | null);
  'approvalRequired': (boolean);
  'diff': (_omni_channel_v1_TemplateDiff__Output | null);
  'history': (_omni_channel_v1_TemplateReviewEntry__Output)[];
}
