// Original file: omni/segment/v1/segment.proto

import type { ComputedTrait as _omni_segment_v1_ComputedTrait, ComputedTrait__Output as _omni_segment_v1_ComputedTrait__Output } from '../../../omni/segment/v1/ComputedTrait';

export interface CreateComputedTraitRequest {
  'computedTrait'?: (_omni_segment_v1_ComputedTrait | null);
  'idempotencyKey'?: (string);
}

export interface CreateComputedTraitRequest__Output {
  'computedTrait': (_omni_segment_v1_ComputedTrait__Output | null);
  'idempotencyKey': (string);
}
