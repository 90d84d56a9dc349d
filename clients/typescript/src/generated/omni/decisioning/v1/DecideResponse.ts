// Original file: omni/decisioning/v1/decisioning.proto

import type { Offer as _omni_decisioning_v1_Offer, Offer__Output as _omni_decisioning_v1_Offer__Output } from '../../../omni/decisioning/v1/Offer';
import type { Candidate as _omni_decisioning_v1_Candidate, Candidate__Output as _omni_decisioning_v1_Candidate__Output } from '../../../omni/decisioning/v1/Candidate';
import type { Placement as _omni_decisioning_v1_Placement, Placement__Output as _omni_decisioning_v1_Placement__Output } from '../../../omni/decisioning/v1/Placement';

export interface DecideResponse {
  'decisionId'?: (string);
  'offer'?: (_omni_decisioning_v1_Offer | null);
  'candidates'?: (_omni_decisioning_v1_Candidate)[];
  'offers'?: (_omni_decisioning_v1_Offer)[];
  'placement'?: (_omni_decisioning_v1_Placement);
  'armId'?: (string);
  'holdout'?: (boolean);
}

export interface DecideResponse__Output {
  'decisionId': (string);
  'offer': (_omni_decisioning_v1_Offer__Output | null);
  'candidates': (_omni_decisioning_v1_Candidate__Output)[];
  'offers': (_omni_decisioning_v1_Offer__Output)[];
  'placement': (_omni_decisioning_v1_Placement__Output);
  'armId': (string);
  'holdout': (boolean);
}
