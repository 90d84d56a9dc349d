// Original file: omni/journey/v1/journey.proto

import type { Node as _omni_journey_v1_Node, Node__Output as _omni_journey_v1_Node__Output } from '../../../omni/journey/v1/Node';
import type { JourneyState as _omni_journey_v1_JourneyState, JourneyState__Output as _omni_journey_v1_JourneyState__Output } from '../../../omni/journey/v1/JourneyState';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { JourneySettings as _omni_journey_v1_JourneySettings, JourneySettings__Output as _omni_journey_v1_JourneySettings__Output } from '../../../omni/journey/v1/JourneySettings';
import type { JourneyReviewState as _omni_journey_v1_JourneyReviewState, JourneyReviewState__Output as _omni_journey_v1_JourneyReviewState__Output } from '../../../omni/journey/v1/JourneyReviewState';
import type { Long } from '@grpc/proto-loader';

export interface Journey {
  'journeyId'?: (string);
  'displayName'?: (string);
  'nodes'?: (_omni_journey_v1_Node)[];
  'state'?: (_omni_journey_v1_JourneyState);
  'publishedVersion'?: (number | string | Long);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'settings'?: (_omni_journey_v1_JourneySettings | null);
  'reviewState'?: (_omni_journey_v1_JourneyReviewState);
  'generated'?: (boolean);
}

export interface Journey__Output {
  'journeyId': (string);
  'displayName': (string);
  'nodes': (_omni_journey_v1_Node__Output)[];
  'state': (_omni_journey_v1_JourneyState__Output);
  'publishedVersion': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'settings': (_omni_journey_v1_JourneySettings__Output | null);
  'reviewState': (_omni_journey_v1_JourneyReviewState__Output);
  'generated': (boolean);
}
