// Original file: omni/segment/v1/segment.proto

import type { Segment as _omni_segment_v1_Segment, Segment__Output as _omni_segment_v1_Segment__Output } from '../../../omni/segment/v1/Segment';

export interface GetSegmentResponse {
  'segment'?: (_omni_segment_v1_Segment | null);
}

export interface GetSegmentResponse__Output {
  'segment': (_omni_segment_v1_Segment__Output | null);
}
