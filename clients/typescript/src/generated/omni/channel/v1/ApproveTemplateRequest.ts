// Original file: omni/channel/v1/channel.proto

import type { Long } from '@grpc/proto-loader';

export interface ApproveTemplateRequest {
  'templateId'?: (string);
  'version'?: (number | string | Long);
  'comment'?: (string);
}

export interface ApproveTemplateRequest__Output {
  'templateId': (string);
  'version': (string);
  'comment': (string);
}
