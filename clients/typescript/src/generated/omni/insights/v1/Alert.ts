// Original file: omni/insights/v1/insights.proto

import type { Granularity as _omni_insights_v1_Granularity, Granularity__Output as _omni_insights_v1_Granularity__Output } from '../../../omni/insights/v1/Granularity';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Alert {
  'alertId'?: (string);
  'kpi'?: (string);
  'granularity'?: (_omni_insights_v1_Granularity);
  'channel'?: (string);
  'periodStartTime'?: (_google_protobuf_Timestamp | null);
  'value'?: (number | string);
  'baseline'?: (number | string);
  'change'?: (number | string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'workspaceId'?: (string);
}

export interface Alert__Output {
  'alertId': (string);
  'kpi': (string);
  'granularity': (_omni_insights_v1_Granularity__Output);
  'channel': (string);
  'periodStartTime': (_google_protobuf_Timestamp__Output | null);
  'value': (number);
  'baseline': (number);
  'change': (number);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'workspaceId': (string);
}
