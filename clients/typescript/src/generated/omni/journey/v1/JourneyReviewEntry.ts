// Original file: omni/journey/v1/journey.proto

import type { JourneyReviewState as _omni_journey_v1_JourneyReviewState, JourneyReviewState__Output as _omni_journey_v1_JourneyReviewState__Output } from '../../../omni/journey/v1/JourneyReviewState';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface JourneyReviewEntry {
  'action'?: (string);
  'fromState'?: (_omni_journey_v1_JourneyReviewState);
  'toState'?: (_omni_journey_v1_JourneyReviewState);
  'actorKeyId'?: (string);
  'actorRole'?: (string);
  'comment'?: (string);
  'time'?: (_google_protobuf_Timestamp | null);
  'version'?: (number | string | Long);
}

export interface JourneyReviewEntry__Output {
  'action': (string);
  'fromState': (_omni_journey_v1_JourneyReviewState__Output);
  'toState': (_omni_journey_v1_JourneyReviewState__Output);
  'actorKeyId': (string);
  'actorRole': (string);
  'comment': (string);
  'time': (_google_protobuf_Timestamp__Output | null);
  'version': (string);
}
