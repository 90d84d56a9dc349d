// Original file: omni/insights/v1/insights.proto

import type { Funnel as _omni_insights_v1_Funnel, Funnel__Output as _omni_insights_v1_Funnel__Output } from '../../../omni/insights/v1/Funnel';

export interface GetFunnelResponse {
  'total'?: (_omni_insights_v1_Funnel | null);
  'groups'?: (_omni_insights_v1_Funnel)[];
}

export interface GetFunnelResponse__Output {
  'total': (_omni_insights_v1_Funnel__Output | null);
  'groups': (_omni_insights_v1_Funnel__Output)[];
}
