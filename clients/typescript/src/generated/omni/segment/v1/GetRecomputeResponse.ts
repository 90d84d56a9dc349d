// Original file: omni/segment/v1/segment.proto

import type { Recompute as _omni_segment_v1_Recompute, Recompute__Output as _omni_segment_v1_Recompute__Output } from '../../../omni/segment/v1/Recompute';

export interface GetRecomputeResponse {
  'recompute'?: (_omni_segment_v1_Recompute | null);
}

export interface GetRecomputeResponse__Output {
  'recompute': (_omni_segment_v1_Recompute__Output | null);
}
