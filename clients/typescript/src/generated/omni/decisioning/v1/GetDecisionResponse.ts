// Original file: omni/decisioning/v1/decisioning.proto

import type { Decision as _omni_decisioning_v1_Decision, Decision__Output as _omni_decisioning_v1_Decision__Output } from '../../../omni/decisioning/v1/Decision';

export interface GetDecisionResponse {
  'decision'?: (_omni_decisioning_v1_Decision | null);
}

export interface GetDecisionResponse__Output {
  'decision': (_omni_decisioning_v1_Decision__Output | null);
}
