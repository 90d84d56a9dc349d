// Original file: omni/channel/v1/channel.proto

import type { TemplateReviewSettings as _omni_channel_v1_TemplateReviewSettings, TemplateReviewSettings__Output as _omni_channel_v1_TemplateReviewSettings__Output } from '../../../omni/channel/v1/TemplateReviewSettings';

export interface UpdateTemplateReviewSettingsRequest {
  'settings'?: (_omni_channel_v1_TemplateReviewSettings | null);
}

export interface UpdateTemplateReviewSettingsRequest__Output {
  'settings': (_omni_channel_v1_TemplateReviewSettings__Output | null);
}
