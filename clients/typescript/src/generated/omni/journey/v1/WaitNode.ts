// Original file: omni/journey/v1/journey.proto

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';
import type { BestSendTimeWait as _omni_journey_v1_BestSendTimeWait, BestSendTimeWait__Output as _omni_journey_v1_BestSendTimeWait__Output } from '../../../omni/journey/v1/BestSendTimeWait';

export interface WaitNode {
  'duration'?: (_google_protobuf_Duration | null);
  'bestSendTime'?: (_omni_journey_v1_BestSendTimeWait | null);
}

export interface WaitNode__Output {
  'duration': (_google_protobuf_Duration__Output | null);
  'bestSendTime': (_omni_journey_v1_BestSendTimeWait__Output | null);
}
