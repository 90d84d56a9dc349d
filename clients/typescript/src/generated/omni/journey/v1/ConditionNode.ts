// Original file: omni/journey/v1/journey.proto

import type { ConditionBranch as _omni_journey_v1_ConditionBranch, ConditionBranch__Output as _omni_journey_v1_ConditionBranch__Output } from '../../../omni/journey/v1/ConditionBranch';

export interface ConditionNode {
  'branches'?: (_omni_journey_v1_ConditionBranch)[];
  'defaultNextNodeId'?: (string);
}

export interface ConditionNode__Output {
  'branches': (_omni_journey_v1_ConditionBranch__Output)[];
  'defaultNextNodeId': (string);
}
