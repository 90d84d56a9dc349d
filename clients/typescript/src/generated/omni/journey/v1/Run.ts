// Original file: omni/journey/v1/journey.proto

import type { RunState as _omni_journey_v1_RunState, RunState__Output as _omni_journey_v1_RunState__Output } from '../../../omni/journey/v1/RunState';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { RunStep as _omni_journey_v1_RunStep, RunStep__Output as _omni_journey_v1_RunStep__Output } from '../../../omni/journey/v1/RunStep';
import type { Long } from '@grpc/proto-loader';

export interface Run {
  'runId'?: (string);
  'journeyId'?: (string);
  'journeyVersion'?: (number | string | Long);
  'customerId'?: (string);
  'state'?: (_omni_journey_v1_RunState);
  'currentNodeId'?: (string);
  'context'?: (_google_protobuf_Struct | null);
  'wakeTime'?: (_google_protobuf_Timestamp | null);
  'error'?: (string);
  'entryEventId'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
  'steps'?: (_omni_journey_v1_RunStep)[];
  'endReason'?: (string);
}

export interface Run__Output {
  'runId': (string);
  'journeyId': (string);
  'journeyVersion': (string);
  'customerId': (string);
  'state': (_omni_journey_v1_RunState__Output);
  'currentNodeId': (string);
  'context': (_google_protobuf_Struct__Output | null);
  'wakeTime': (_google_protobuf_Timestamp__Output | null);
  'error': (string);
  'entryEventId': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
  'steps': (_omni_journey_v1_RunStep__Output)[];
  'endReason': (string);
}
