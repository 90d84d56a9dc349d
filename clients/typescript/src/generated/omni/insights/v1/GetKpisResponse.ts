// Original file: omni/insights/v1/insights.proto

import type { KpiRow as _omni_insights_v1_KpiRow, KpiRow__Output as _omni_insights_v1_KpiRow__Output } from '../../../omni/insights/v1/KpiRow';
import type { TimeRange as _omni_insights_v1_TimeRange, TimeRange__Output as _omni_insights_v1_TimeRange__Output } from '../../../omni/insights/v1/TimeRange';
import type { CustomerKpiRow as _omni_insights_v1_CustomerKpiRow, CustomerKpiRow__Output as _omni_insights_v1_CustomerKpiRow__Output } from '../../../omni/insights/v1/CustomerKpiRow';

export interface GetKpisResponse {
  'rows'?: (_omni_insights_v1_KpiRow)[];
  'total'?: (_omni_insights_v1_KpiRow | null);
  'previousRange'?: (_omni_insights_v1_TimeRange | null);
  'customerKpis'?: (_omni_insights_v1_CustomerKpiRow | null);
}

export interface GetKpisResponse__Output {
  'rows': (_omni_insights_v1_KpiRow__Output)[];
  'total': (_omni_insights_v1_KpiRow__Output | null);
  'previousRange': (_omni_insights_v1_TimeRange__Output | null);
  'customerKpis': (_omni_insights_v1_CustomerKpiRow__Output | null);
}
