// Original file: omni/channel/v1/channel.proto

import type { Long } from '@grpc/proto-loader';

export interface GetTemplateReviewRequest {
  'templateId'?: (string);
  'version'?: (number | string | Long);
}

export interface GetTemplateReviewRequest__Output {
  'templateId': (string);
  'version': (string);
}
