// Original file: omni/channel/v1/channel.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface TemplateReviewSettings {
  'requireReview'?: (boolean);
  'fourEyes'?: (boolean);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface TemplateReviewSettings__Output {
  'requireReview': (boolean);
  'fourEyes': (boolean);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
