// Original file: omni/segment/v1/segment.proto

import type { DailySize as _omni_segment_v1_DailySize, DailySize__Output as _omni_segment_v1_DailySize__Output } from '../../../omni/segment/v1/DailySize';

export interface GetSegmentSizeHistoryResponse {
  'sizes'?: (_omni_segment_v1_DailySize)[];
}

export interface GetSegmentSizeHistoryResponse__Output {
  'sizes': (_omni_segment_v1_DailySize__Output)[];
}
