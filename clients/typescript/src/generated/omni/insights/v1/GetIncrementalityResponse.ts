// Original file: omni/insights/v1/insights.proto

import type { ArmOutcome as _omni_insights_v1_ArmOutcome, ArmOutcome__Output as _omni_insights_v1_ArmOutcome__Output } from '../../../omni/insights/v1/ArmOutcome';
import type { Uplift as _omni_insights_v1_Uplift, Uplift__Output as _omni_insights_v1_Uplift__Output } from '../../../omni/insights/v1/Uplift';

export interface GetIncrementalityResponse {
  'treated'?: (_omni_insights_v1_ArmOutcome | null);
  'holdout'?: (_omni_insights_v1_ArmOutcome | null);
  'arms'?: (_omni_insights_v1_ArmOutcome)[];
  'conversionRateUplift'?: (_omni_insights_v1_Uplift | null);
  'revenuePerCustomerUplift'?: (_omni_insights_v1_Uplift | null);
}

export interface GetIncrementalityResponse__Output {
  'treated': (_omni_insights_v1_ArmOutcome__Output | null);
  'holdout': (_omni_insights_v1_ArmOutcome__Output | null);
  'arms': (_omni_insights_v1_ArmOutcome__Output)[];
  'conversionRateUplift': (_omni_insights_v1_Uplift__Output | null);
  'revenuePerCustomerUplift': (_omni_insights_v1_Uplift__Output | null);
}
