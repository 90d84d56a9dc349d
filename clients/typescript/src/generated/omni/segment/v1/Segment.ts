// Original file: omni/segment/v1/segment.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface Segment {
  'segmentId'?: (string);
  'displayName'?: (string);
  'expression'?: (string);
  'version'?: (number | string | Long);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
  'dependsOnSegmentIds'?: (string)[];
  'dependsOnComputedTraits'?: (string)[];
}

export interface Segment__Output {
  'segmentId': (string);
  'displayName': (string);
  'expression': (string);
  'version': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
  'dependsOnSegmentIds': (string)[];
  'dependsOnComputedTraits': (string)[];
}
