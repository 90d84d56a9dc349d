// Original file: omni/segment/v1/segment.proto

import type { Segment as _omni_segment_v1_Segment, Segment__Output as _omni_segment_v1_Segment__Output } from '../../../omni/segment/v1/Segment';
import type { Recompute as _omni_segment_v1_Recompute, Recompute__Output as _omni_segment_v1_Recompute__Output } from '../../../omni/segment/v1/Recompute';

export interface CreateSegmentResponse {
  'segment'?: (_omni_segment_v1_Segment | null);
  'recompute'?: (_omni_segment_v1_Recompute | null);
}

export interface CreateSegmentResponse__Output {
  'segment': (_omni_segment_v1_Segment__Output | null);
  'recompute': (_omni_segment_v1_Recompute__Output | null);
}
