// Original file: omni/decisioning/v1/decisioning.proto

import type { CandidateOutcome as _omni_decisioning_v1_CandidateOutcome, CandidateOutcome__Output as _omni_decisioning_v1_CandidateOutcome__Output } from '../../../omni/decisioning/v1/CandidateOutcome';
import type { Long } from '@grpc/proto-loader';

export interface Candidate {
  'offerId'?: (string);
  'outcome'?: (_omni_decisioning_v1_CandidateOutcome);
  'score'?: (number | string);
  'reason'?: (string);
  'offerVersion'?: (number | string | Long);
  'propensity'?: (number | string);
  'propensitySource'?: (string);
  'priority'?: (number);
  'rank'?: (number);
}

export interface Candidate__Output {
  'offerId': (string);
  'outcome': (_omni_decisioning_v1_CandidateOutcome__Output);
  'score': (number);
  'reason': (string);
  'offerVersion': (string);
  'propensity': (number);
  'propensitySource': (string);
  'priority': (number);
  'rank': (number);
}
