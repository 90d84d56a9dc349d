// Original file: omni/insights/v1/insights.proto

import type { TimeRange as _omni_insights_v1_TimeRange, TimeRange__Output as _omni_insights_v1_TimeRange__Output } from '../../../omni/insights/v1/TimeRange';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';

export interface GetIncrementalityRequest {
  'journeyId'?: (string);
  'experimentId'?: (string);
  'range'?: (_omni_insights_v1_TimeRange | null);
  'window'?: (_google_protobuf_Duration | null);
  'holdoutArm'?: (string);
}

export interface GetIncrementalityRequest__Output {
  'journeyId': (string);
  'experimentId': (string);
  'range': (_omni_insights_v1_TimeRange__Output | null);
  'window': (_google_protobuf_Duration__Output | null);
  'holdoutArm': (string);
}
