// Original file: omni/insights/v1/insights.proto

import type { Cohort as _omni_insights_v1_Cohort, Cohort__Output as _omni_insights_v1_Cohort__Output } from '../../../omni/insights/v1/Cohort';

export interface GetCohortsResponse {
  'cohorts'?: (_omni_insights_v1_Cohort)[];
}

export interface GetCohortsResponse__Output {
  'cohorts': (_omni_insights_v1_Cohort__Output)[];
}
