// Original file: omni/segment/v1/segment.proto

import type { ComputedTrait as _omni_segment_v1_ComputedTrait, ComputedTrait__Output as _omni_segment_v1_ComputedTrait__Output } from '../../../omni/segment/v1/ComputedTrait';

export interface ListComputedTraitsResponse {
  'computedTraits'?: (_omni_segment_v1_ComputedTrait)[];
}

export interface ListComputedTraitsResponse__Output {
  'computedTraits': (_omni_segment_v1_ComputedTrait__Output)[];
}
