// Original file: omni/journey/v1/journey.proto

import type { Long } from '@grpc/proto-loader';

export interface BranchStats {
  'nodeId'?: (string);
  'branch'?: (string);
  'runs'?: (number | string | Long);
  'conversions'?: (number | string | Long);
  'conversionRate'?: (number | string);
}

export interface BranchStats__Output {
  'nodeId': (string);
  'branch': (string);
  'runs': (string);
  'conversions': (string);
  'conversionRate': (number);
}
