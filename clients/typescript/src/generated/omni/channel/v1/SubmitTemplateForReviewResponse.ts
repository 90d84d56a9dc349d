// Original file: omni/channel/v1/channel.proto

import type { Template as _omni_channel_v1_Template, Template__Output as _omni_channel_v1_Template__Output } from '../../../omni/channel/v1/Template';

export interface SubmitTemplateForReviewResponse {
  'template'?: (_omni_channel_v1_Template | null);
}

export interface SubmitTemplateForReviewResponse__Output {
  'template': (_omni_channel_v1_Template__Output | null);
}
