// Original file: omni/segment/v1/segment.proto

import type { Membership as _omni_segment_v1_Membership, Membership__Output as _omni_segment_v1_Membership__Output } from '../../../omni/segment/v1/Membership';

export interface GetMembershipsResponse {
  'memberships'?: (_omni_segment_v1_Membership)[];
}

export interface GetMembershipsResponse__Output {
  'memberships': (_omni_segment_v1_Membership__Output)[];
}
