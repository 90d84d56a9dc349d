// Original file: omni/decisioning/v1/decisioning.proto

import type { Experiment as _omni_decisioning_v1_Experiment, Experiment__Output as _omni_decisioning_v1_Experiment__Output } from '../../../omni/decisioning/v1/Experiment';

export interface CreateExperimentResponse {
  'experiment'?: (_omni_decisioning_v1_Experiment | null);
}

export interface CreateExperimentResponse__Output {
  'experiment': (_omni_decisioning_v1_Experiment__Output | null);
}
