// Original file: omni/segment/v1/segment.proto

import type { Long } from '@grpc/proto-loader';

export interface GetSegmentRequest {
  'segmentId'?: (string);
  'version'?: (number | string | Long);
}

export interface GetSegmentRequest__Output {
  'segmentId': (string);
  'version': (string);
}
