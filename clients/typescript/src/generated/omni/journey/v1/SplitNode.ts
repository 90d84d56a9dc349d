// Original file: omni/journey/v1/journey.proto

import type { SplitArm as _omni_journey_v1_SplitArm, SplitArm__Output as _omni_journey_v1_SplitArm__Output } from '../../../omni/journey/v1/SplitArm';

export interface SplitNode {
  'arms'?: (_omni_journey_v1_SplitArm)[];
  'experimentId'?: (string);
  'holdoutArm'?: (string);
}

export interface SplitNode__Output {
  'arms': (_omni_journey_v1_SplitArm__Output)[];
  'experimentId': (string);
  'holdoutArm': (string);
}
