// Original file: omni/journey/v1/journey.proto

import type { RunStep as _omni_journey_v1_RunStep, RunStep__Output as _omni_journey_v1_RunStep__Output } from '../../../omni/journey/v1/RunStep';
import type { RunState as _omni_journey_v1_RunState, RunState__Output as _omni_journey_v1_RunState__Output } from '../../../omni/journey/v1/RunState';
import type { SimulatedMessage as _omni_journey_v1_SimulatedMessage, SimulatedMessage__Output as _omni_journey_v1_SimulatedMessage__Output } from '../../../omni/journey/v1/SimulatedMessage';

export interface SimulateJourneyResponse {
  'steps'?: (_omni_journey_v1_RunStep)[];
  'path'?: (string)[];
  'state'?: (_omni_journey_v1_RunState);
  'messages'?: (_omni_journey_v1_SimulatedMessage)[];
  'decisions'?: (string)[];
  'endReason'?: (string);
}

export interface SimulateJourneyResponse__Output {
  'steps': (_omni_journey_v1_RunStep__Output)[];
  'path': (string)[];
  'state': (_omni_journey_v1_RunState__Output);
  'messages': (_omni_journey_v1_SimulatedMessage__Output)[];
  'decisions': (string)[];
  'endReason': (string);
}
