// Original file: omni/insights/v1/insights.proto

import type { CustomerKpis as _omni_insights_v1_CustomerKpis, CustomerKpis__Output as _omni_insights_v1_CustomerKpis__Output } from '../../../omni/insights/v1/CustomerKpis';

export interface CustomerKpiRow {
  'current'?: (_omni_insights_v1_CustomerKpis | null);
  'previous'?: (_omni_insights_v1_CustomerKpis | null);
  'relativeChange'?: ({[key: string]: number | string});
}

export interface CustomerKpiRow__Output {
  'current': (_omni_insights_v1_CustomerKpis__Output | null);
  'previous': (_omni_insights_v1_CustomerKpis__Output | null);
  'relativeChange': ({[key: string]: number});
}
