// Original file: omni/segment/v1/segment.proto

import type { RfmModel as _omni_segment_v1_RfmModel, RfmModel__Output as _omni_segment_v1_RfmModel__Output } from '../../../omni/segment/v1/RfmModel';
import type { Recompute as _omni_segment_v1_Recompute, Recompute__Output as _omni_segment_v1_Recompute__Output } from '../../../omni/segment/v1/Recompute';

export interface RefreshRfmResponse {
  'model'?: (_omni_segment_v1_RfmModel | null);
  'recomputes'?: (_omni_segment_v1_Recompute)[];
}

export interface RefreshRfmResponse__Output {
  'model': (_omni_segment_v1_RfmModel__Output | null);
  'recomputes': (_omni_segment_v1_Recompute__Output)[];
}
