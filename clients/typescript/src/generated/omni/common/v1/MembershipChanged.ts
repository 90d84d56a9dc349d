// Original file: omni/common/v1/bus.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface MembershipChanged {
  'workspaceId'?: (string);
  'customerId'?: (string);
  'segmentId'?: (string);
  'entered'?: (boolean);
  'segmentVersion'?: (number | string | Long);
  'time'?: (_google_protobuf_Timestamp | null);
  'causeEventId'?: (string);
}

export interface MembershipChanged__Output {
  'workspaceId': (string);
  'customerId': (string);
  'segmentId': (string);
  'entered': (boolean);
  'segmentVersion': (string);
  'time': (_google_protobuf_Timestamp__Output | null);
  'causeEventId': (string);
}
