// Original file: omni/journey/v1/journey.proto

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';

export interface BestSendTimeWait {
  'maxWait'?: (_google_protobuf_Duration | null);
}

export interface BestSendTimeWait__Output {
  'maxWait': (_google_protobuf_Duration__Output | null);
}
