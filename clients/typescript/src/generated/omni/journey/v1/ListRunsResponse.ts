// Original file: omni/journey/v1/journey.proto

import type { Run as _omni_journey_v1_Run, Run__Output as _omni_journey_v1_Run__Output } from '../../../omni/journey/v1/Run';

export interface ListRunsResponse {
  'runs'?: (_omni_journey_v1_Run)[];
  'nextPageToken'?: (string);
}

export interface ListRunsResponse__Output {
  'runs': (_omni_journey_v1_Run__Output)[];
  'nextPageToken': (string);
}
