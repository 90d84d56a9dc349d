// Original file: omni/journey/v1/journey.proto

import type { Run as _omni_journey_v1_Run, Run__Output as _omni_journey_v1_Run__Output } from '../../../omni/journey/v1/Run';

export interface GetRunResponse {
  'run'?: (_omni_journey_v1_Run | null);
}

export interface GetRunResponse__Output {
  'run': (_omni_journey_v1_Run__Output | null);
}
