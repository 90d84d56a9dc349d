// Original file: omni/segment/v1/segment.proto

import type { Long } from '@grpc/proto-loader';

export interface PreviewSegmentResponse {
  'memberCount'?: (number | string | Long);
  'evaluatedCount'?: (number | string | Long);
  'sampleCustomerIds'?: (string)[];
  'errorCount'?: (number | string | Long);
}

export interface PreviewSegmentResponse__Output {
  'memberCount': (string);
  'evaluatedCount': (string);
  'sampleCustomerIds': (string)[];
  'errorCount': (string);
}
