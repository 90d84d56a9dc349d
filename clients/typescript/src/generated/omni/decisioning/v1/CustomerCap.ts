// Original file: omni/decisioning/v1/decisioning.proto

import type { Long } from '@grpc/proto-loader';

export interface CustomerCap {
  'maxPerDay'?: (number | string | Long);
  'maxPerWeek'?: (number | string | Long);
  'maxLifetime'?: (number | string | Long);
}

export interface CustomerCap__Output {
  'maxPerDay': (string);
  'maxPerWeek': (string);
  'maxLifetime': (string);
}
