// Original file: omni/segment/v1/segment.proto

import type { ComputedTrait as _omni_segment_v1_ComputedTrait, ComputedTrait__Output as _omni_segment_v1_ComputedTrait__Output } from '../../../omni/segment/v1/ComputedTrait';

export interface GetComputedTraitResponse {
  'computedTrait'?: (_omni_segment_v1_ComputedTrait | null);
}

export interface GetComputedTraitResponse__Output {
  'computedTrait': (_omni_segment_v1_ComputedTrait__Output | null);
}
