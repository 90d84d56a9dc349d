// Original file: omni/channel/v1/channel.proto

import type { TemplateReviewState as _omni_channel_v1_TemplateReviewState, TemplateReviewState__Output as _omni_channel_v1_TemplateReviewState__Output } from '../../../omni/channel/v1/TemplateReviewState';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface TemplateReviewEntry {
  'action'?: (string);
  'fromState'?: (_omni_channel_v1_TemplateReviewState);
  'toState'?: (_omni_channel_v1_TemplateReviewState);
  'actorKeyId'?: (string);
  'actorRole'?: (string);
  'comment'?: (string);
  'time'?: (_google_protobuf_Timestamp | null);
  'version'?: (number | string | Long);
}

export interface TemplateReviewEntry__Output {
  'action': (string);
  'fromState': (_omni_channel_v1_TemplateReviewState__Output);
  'toState': (_omni_channel_v1_TemplateReviewState__Output);
  'actorKeyId': (string);
  'actorRole': (string);
  'comment': (string);
  'time': (_google_protobuf_Timestamp__Output | null);
  'version': (string);
}
