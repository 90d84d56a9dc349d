// Original file: omni/segment/v1/segment.proto

import type { MembershipTransition as _omni_segment_v1_MembershipTransition, MembershipTransition__Output as _omni_segment_v1_MembershipTransition__Output } from '../../../omni/segment/v1/MembershipTransition';

export interface WatchMembershipResponse {
  'transition'?: (_omni_segment_v1_MembershipTransition | null);
  'cursor'?: (string);
}

export interface WatchMembershipResponse__Output {
  'transition': (_omni_segment_v1_MembershipTransition__Output | null);
  'cursor': (string);
}
