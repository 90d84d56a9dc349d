// Original file: omni/insights/v1/insights.proto

import type { TimeRange as _omni_insights_v1_TimeRange, TimeRange__Output as _omni_insights_v1_TimeRange__Output } from '../../../omni/insights/v1/TimeRange';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';
import type { Dimension as _omni_insights_v1_Dimension, Dimension__Output as _omni_insights_v1_Dimension__Output } from '../../../omni/insights/v1/Dimension';

export interface GetAttributionRequest {
  'range'?: (_omni_insights_v1_TimeRange | null);
  'lookback'?: (_google_protobuf_Duration | null);
  'halfLife'?: (_google_protobuf_Duration | null);
  'groupBy'?: (_omni_insights_v1_Dimension);
  'engagedOnly'?: (boolean);
}

export interface GetAttributionRequest__Output {
  'range': (_omni_insights_v1_TimeRange__Output | null);
  'lookback': (_google_protobuf_Duration__Output | null);
  'halfLife': (_google_protobuf_Duration__Output | null);
  'groupBy': (_omni_insights_v1_Dimension__Output);
  'engagedOnly': (boolean);
}
