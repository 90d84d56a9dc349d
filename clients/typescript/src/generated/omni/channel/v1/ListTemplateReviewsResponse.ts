// Original file: omni/channel/v1/channel.proto

import type { TemplateReview as _omni_channel_v1_TemplateReview, TemplateReview__Output as _omni_channel_v1_TemplateReview__Output } from '../../../omni/channel/v1/TemplateReview';

export interface ListTemplateReviewsResponse {
  'reviews'?: (_omni_channel_v1_TemplateReview)[];
  'nextPageToken'?: (string);
}

export interface ListTemplateReviewsResponse__Output {
  'reviews': (_omni_channel_v1_TemplateReview__Output)[];
  'nextPageToken': (string);
}
