// Original file: omni/segment/v1/segment.proto

import type { RecomputeState as _omni_segment_v1_RecomputeState, RecomputeState__Output as _omni_segment_v1_RecomputeState__Output } from '../../../omni/segment/v1/RecomputeState';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface Recompute {
  'recomputeId'?: (string);
  'segmentId'?: (string);
  'segmentVersion'?: (number | string | Long);
  'state'?: (_omni_segment_v1_RecomputeState);
  'total'?: (number | string | Long);
  'processed'?: (number | string | Long);
  'entered'?: (number | string | Long);
  'exited'?: (number | string | Long);
  'startTime'?: (_google_protobuf_Timestamp | null);
  'finishTime'?: (_google_protobuf_Timestamp | null);
  'error'?: (string);
}

export interface Recompute__Output {
  'recomputeId': (string);
  'segmentId': (string);
  'segmentVersion': (string);
  'state': (_omni_segment_v1_RecomputeState__Output);
  'total': (string);
  'processed': (string);
  'entered': (string);
  'exited': (string);
  'startTime': (_google_protobuf_Timestamp__Output | null);
  'finishTime': (_google_protobuf_Timestamp__Output | null);
  'error': (string);
}
