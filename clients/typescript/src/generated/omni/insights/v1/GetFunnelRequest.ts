// Original file: omni/insights/v1/insights.proto

import type { TimeRange as _omni_insights_v1_TimeRange, TimeRange__Output as _omni_insights_v1_TimeRange__Output } from '../../../omni/insights/v1/TimeRange';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';
import type { FunnelBreakdown as _omni_insights_v1_FunnelBreakdown, FunnelBreakdown__Output as _omni_insights_v1_FunnelBreakdown__Output } from '../../../omni/insights/v1/FunnelBreakdown';

export interface GetFunnelRequest {
  'steps'?: (string)[];
  'range'?: (_omni_insights_v1_TimeRange | null);
  'window'?: (_google_protobuf_Duration | null);
  'breakdown'?: (_omni_insights_v1_FunnelBreakdown);
}

export interface GetFunnelRequest__Output {
  'steps': (string)[];
  'range': (_omni_insights_v1_TimeRange__Output | null);
  'window': (_google_protobuf_Duration__Output | null);
  'breakdown': (_omni_insights_v1_FunnelBreakdown__Output);
}
