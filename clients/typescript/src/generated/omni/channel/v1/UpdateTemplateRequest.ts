// Original file: omni/channel/v1/channel.proto

import type { Template as _omni_channel_v1_Template, Template__Output as _omni_channel_v1_Template__Output } from '../../../omni/channel/v1/Template';

export interface UpdateTemplateRequest {
  'templateId'?: (string);
  'template'?: (_omni_channel_v1_Template | null);
  'idempotencyKey'?: (string);
}

export interface UpdateTemplateRequest__Output {
  'templateId': (string);
  'template': (_omni_channel_v1_Template__Output | null);
  'idempotencyKey': (string);
}
