// Original file: omni/decisioning/v1/decisioning.proto

import type { ExperimentArm as _omni_decisioning_v1_ExperimentArm, ExperimentArm__Output as _omni_decisioning_v1_ExperimentArm__Output } from '../../../omni/decisioning/v1/ExperimentArm';

export interface AssignVariantResponse {
  'arm'?: (_omni_decisioning_v1_ExperimentArm | null);
}

export interface AssignVariantResponse__Output {
  'arm': (_omni_decisioning_v1_ExperimentArm__Output | null);
}
