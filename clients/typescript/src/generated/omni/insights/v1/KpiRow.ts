// Original file: omni/insights/v1/insights.proto

import type { Kpis as _omni_insights_v1_Kpis, Kpis__Output as _omni_insights_v1_Kpis__Output } from '../../../omni/insights/v1/Kpis';

export interface KpiRow {
  'key'?: (string);
  'current'?: (_omni_insights_v1_Kpis | null);
  'previous'?: (_omni_insights_v1_Kpis | null);
  'relativeChange'?: ({[key: string]: number | string});
}

export interface KpiRow__Output {
  'key': (string);
  'current': (_omni_insights_v1_Kpis__Output | null);
  'previous': (_omni_insights_v1_Kpis__Output | null);
  'relativeChange': ({[key: string]: number});
}
