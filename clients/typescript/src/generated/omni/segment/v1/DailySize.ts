// Original file: omni/segment/v1/segment.proto

import type { Long } from '@grpc/proto-loader';

export interface DailySize {
  'date'?: (string);
  'size'?: (number | string | Long);
}

export interface DailySize__Output {
  'date': (string);
  'size': (string);
}
