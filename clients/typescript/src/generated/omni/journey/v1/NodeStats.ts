// Original file: omni/journey/v1/journey.proto

import type { Long } from '@grpc/proto-loader';

export interface NodeStats {
  'nodeId'?: (string);
  'entered'?: (number | string | Long);
  'waiting'?: (number | string | Long);
  'completed'?: (number | string | Long);
  'errored'?: (number | string | Long);
  'exited'?: (number | string | Long);
}

export interface NodeStats__Output {
  'nodeId': (string);
  'entered': (string);
  'waiting': (string);
  'completed': (string);
  'errored': (string);
  'exited': (string);
}
