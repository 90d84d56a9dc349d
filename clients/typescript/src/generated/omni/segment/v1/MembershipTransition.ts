// Original file: omni/segment/v1/segment.proto

import type { MembershipChangeReason as _omni_segment_v1_MembershipChangeReason, MembershipChangeReason__Output as _omni_segment_v1_MembershipChangeReason__Output } from '../../../omni/segment/v1/MembershipChangeReason';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface MembershipTransition {
  'customerId'?: (string);
  'segmentId'?: (string);
  'entered'?: (boolean);
  'reason'?: (_omni_segment_v1_MembershipChangeReason);
  'segmentVersion'?: (number | string | Long);
  'time'?: (_google_protobuf_Timestamp | null);
  'causeEventId'?: (string);
}

export interface MembershipTransition__Output {
  'customerId': (string);
  'segmentId': (string);
  'entered': (boolean);
  'reason': (_omni_segment_v1_MembershipChangeReason__Output);
  'segmentVersion': (string);
  'time': (_google_protobuf_Timestamp__Output | null);
  'causeEventId': (string);
}
