// Original file: omni/channel/v1/channel.proto

import type { TemplateReview as _omni_channel_v1_TemplateReview, TemplateReview__Output as _omni_channel_v1_TemplateReview__Output } from '../../../omni/channel/v1/TemplateReview';

export interface GetTemplateReviewResponse {
  'review'?: (_omni_channel_v1_TemplateReview | null);
}

export interface GetTemplateReviewResponse__Output {
  'review': (_omni_channel_v1_TemplateReview__Output | null);
}
