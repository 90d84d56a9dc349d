// Original file: omni/journey/v1/journey.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface JourneyReviewSettings {
  'requireReview'?: (boolean);
  'fourEyes'?: (boolean);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface JourneyReviewSettings__Output {
  'requireReview': (boolean);
  'fourEyes': (boolean);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
