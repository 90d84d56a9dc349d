// Original file: omni/channel/v1/channel.proto

import type { TemplateReviewState as _omni_channel_v1_TemplateReviewState, TemplateReviewState__Output as _omni_channel_v1_TemplateReviewState__Output } from '../../../omni/channel/v1/TemplateReviewState';

export interface ListTemplateReviewsRequest {
  'templateId'?: (string);
  'states'?: (_omni_channel_v1_TemplateReviewState)[];
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListTemplateReviewsRequest__Output {
  'templateId': (string);
  'states': (_omni_channel_v1_TemplateReviewState__Output)[];
  'pageSize': (number);
  'pageToken': (string);
}
