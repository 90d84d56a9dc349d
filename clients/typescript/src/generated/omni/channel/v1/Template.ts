// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { TemplateVariant as _omni_channel_v1_TemplateVariant, TemplateVariant__Output as _omni_channel_v1_TemplateVariant__Output } from '../../../omni/channel/v1/TemplateVariant';
import type { TemplateSample as _omni_channel_v1_TemplateSample, TemplateSample__Output as _omni_channel_v1_TemplateSample__Output } from '../../../omni/channel/v1/TemplateSample';
import type { TemplateReviewState as _omni_channel_v1_TemplateReviewState, TemplateReviewState__Output as _omni_channel_v1_TemplateReviewState__Output } from '../../../omni/channel/v1/TemplateReviewState';
import type { Long } from '@grpc/proto-loader';

export interface Template {
  'templateId'?: (string);
  'displayName'?: (string);
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'subject'?: (string);
  'body'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'variants'?: (_omni_channel_v1_TemplateVariant)[];
  'sample'?: (_omni_channel_v1_TemplateSample | null);
  'htmlBody'?: (string);
  'version'?: (number | string | Long);
  'reviewState'?: (_omni_channel_v1_TemplateReviewState);
  'generated'?: (boolean);
  'publishedVersion'?: (number | string | Long);
  'authorKeyId'?: (string);
}

export interface Template__Output {
  'templateId': (string);
  'displayName': (string);
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'subject': (string);
  'body': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'variants': (_omni_channel_v1_TemplateVariant__Output)[];
  'sample': (_omni_channel_v1_TemplateSample__Output | null);
  'htmlBody': (string);
  'version': (string);
  'reviewState': (_omni_channel_v1_TemplateReviewState__Output);
  'generated': (boolean);
  'publishedVersion': (string);
  'authorKeyId': (string);
}
