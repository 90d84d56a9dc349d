// Original file: omni/segment/v1/segment.proto

import type { CustomerBuiltins as _omni_segment_v1_CustomerBuiltins, CustomerBuiltins__Output as _omni_segment_v1_CustomerBuiltins__Output } from '../../../omni/segment/v1/CustomerBuiltins';

export interface GetCustomerBuiltinsResponse {
  'builtins'?: (_omni_segment_v1_CustomerBuiltins | null);
}

export interface GetCustomerBuiltinsResponse__Output {
  'builtins': (_omni_segment_v1_CustomerBuiltins__Output | null);
}
