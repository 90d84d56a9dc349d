// Original file: omni/segment/v1/segment.proto

import type { Member as _omni_segment_v1_Member, Member__Output as _omni_segment_v1_Member__Output } from '../../../omni/segment/v1/Member';

export interface ListMembersResponse {
  'members'?: (_omni_segment_v1_Member)[];
}

export interface ListMembersResponse__Output {
  'members': (_omni_segment_v1_Member__Output)[];
}
