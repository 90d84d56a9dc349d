// Original file: omni/decisioning/v1/decisioning.proto

import type { Experiment as _omni_decisioning_v1_Experiment, Experiment__Output as _omni_decisioning_v1_Experiment__Output } from '../../../omni/decisioning/v1/Experiment';

export interface CreateExperimentRequest {
  'experiment'?: (_omni_decisioning_v1_Experiment | null);
  'idempotencyKey'?: (string);
}

export interface CreateExperimentRequest__Output {
  'experiment': (_omni_decisioning_v1_Experiment__Output | null);
  'idempotencyKey': (string);
}
