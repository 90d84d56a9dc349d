// Original file: omni/insights/v1/insights.proto

import type { TimeRange as _omni_insights_v1_TimeRange, TimeRange__Output as _omni_insights_v1_TimeRange__Output } from '../../../omni/insights/v1/TimeRange';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface GetCohortsRequest {
  'range'?: (_omni_insights_v1_TimeRange | null);
  'months'?: (number);
  'asOf'?: (_google_protobuf_Timestamp | null);
}

export interface GetCohortsRequest__Output {
  'range': (_omni_insights_v1_TimeRange__Output | null);
  'months': (number);
  'asOf': (_google_protobuf_Timestamp__Output | null);
}
