// Original file: omni/insights/v1/insights.proto

import type { TimeRange as _omni_insights_v1_TimeRange, TimeRange__Output as _omni_insights_v1_TimeRange__Output } from '../../../omni/insights/v1/TimeRange';
import type { Dimension as _omni_insights_v1_Dimension, Dimension__Output as _omni_insights_v1_Dimension__Output } from '../../../omni/insights/v1/Dimension';
import type { KpiFilter as _omni_insights_v1_KpiFilter, KpiFilter__Output as _omni_insights_v1_KpiFilter__Output } from '../../../omni/insights/v1/KpiFilter';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';

export interface GetKpisRequest {
  'range'?: (_omni_insights_v1_TimeRange | null);
  'groupBy'?: (_omni_insights_v1_Dimension);
  'filter'?: (_omni_insights_v1_KpiFilter | null);
  'cartReturnWindow'?: (_google_protobuf_Duration | null);
  'dormancyThreshold'?: (_google_protobuf_Duration | null);
}

export interface GetKpisRequest__Output {
  'range': (_omni_insights_v1_TimeRange__Output | null);
  'groupBy': (_omni_insights_v1_Dimension__Output);
  'filter': (_omni_insights_v1_KpiFilter__Output | null);
  'cartReturnWindow': (_google_protobuf_Duration__Output | null);
  'dormancyThreshold': (_google_protobuf_Duration__Output | null);
}
