// Original file: omni/channel/v1/channel.proto

import type { Long } from '@grpc/proto-loader';

export interface RejectTemplateRequest {
  'templateId'?: (string);
  'version'?: (number | string | Long);
  'comment'?: (string);
}

export interface RejectTemplateRequest__Output {
  'templateId': (string);
  'version': (string);
  'comment': (string);
}
