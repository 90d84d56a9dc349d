// Original file: omni/segment/v1/segment.proto

import type { LifecycleStage as _omni_segment_v1_LifecycleStage, LifecycleStage__Output as _omni_segment_v1_LifecycleStage__Output } from '../../../omni/segment/v1/LifecycleStage';
import type { RfmScore as _omni_segment_v1_RfmScore, RfmScore__Output as _omni_segment_v1_RfmScore__Output } from '../../../omni/segment/v1/RfmScore';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface CustomerBuiltins {
  'customerId'?: (string);
  'lifecycleStage'?: (_omni_segment_v1_LifecycleStage);
  'rfm'?: (_omni_segment_v1_RfmScore | null);
  'orders'?: (number | string | Long);
  'revenue'?: (number | string);
  'lastPurchaseTime'?: (_google_protobuf_Timestamp | null);
  'firstSeenTime'?: (_google_protobuf_Timestamp | null);
}

export interface CustomerBuiltins__Output {
  'customerId': (string);
  'lifecycleStage': (_omni_segment_v1_LifecycleStage__Output);
  'rfm': (_omni_segment_v1_RfmScore__Output | null);
  'orders': (string);
  'revenue': (number);
  'lastPurchaseTime': (_google_protobuf_Timestamp__Output | null);
  'firstSeenTime': (_google_protobuf_Timestamp__Output | null);
}
