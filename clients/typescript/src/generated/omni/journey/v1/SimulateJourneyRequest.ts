// Original file: omni/journey/v1/journey.proto

import type { SimulatedProfile as _omni_journey_v1_SimulatedProfile, SimulatedProfile__Output as _omni_journey_v1_SimulatedProfile__Output } from '../../../omni/journey/v1/SimulatedProfile';
import type { ScriptedEvent as _omni_journey_v1_ScriptedEvent, ScriptedEvent__Output as _omni_journey_v1_ScriptedEvent__Output } from '../../../omni/journey/v1/ScriptedEvent';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';
import type { Long } from '@grpc/proto-loader';

export interface SimulateJourneyRequest {
  'journeyId'?: (string);
  'version'?: (number | string | Long);
  'profile'?: (_omni_journey_v1_SimulatedProfile | null);
  'events'?: (_omni_journey_v1_ScriptedEvent)[];
  'startTime'?: (_google_protobuf_Timestamp | null);
  'horizon'?: (_google_protobuf_Duration | null);
  'context'?: (_google_protobuf_Struct | null);
}

export interface SimulateJourneyRequest__Output {
  'journeyId': (string);
  'version': (string);
  'profile': (_omni_journey_v1_SimulatedProfile__Output | null);
  'events': (_omni_journey_v1_ScriptedEvent__Output)[];
  'startTime': (_google_protobuf_Timestamp__Output | null);
  'horizon': (_google_protobuf_Duration__Output | null);
  'context': (_google_protobuf_Struct__Output | null);
}
