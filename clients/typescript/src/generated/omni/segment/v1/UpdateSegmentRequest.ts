// Original file: omni/segment/v1/segment.proto

import type { Segment as _omni_segment_v1_Segment, Segment__Output as _omni_segment_v1_Segment__Output } from '../../../omni/segment/v1/Segment';
import type { Long } from '@grpc/proto-loader';

export interface UpdateSegmentRequest {
  'segment'?: (_omni_segment_v1_Segment | null);
  'expectedVersion'?: (number | string | Long);
}

export interface UpdateSegmentRequest__Output {
  'segment': (_omni_segment_v1_Segment__Output | null);
  'expectedVersion': (string);
}
