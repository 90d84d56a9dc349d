// Original file: omni/decisioning/v1/decisioning.proto

import type { Long } from '@grpc/proto-loader';

export interface GlobalCap {
  'maxGrants'?: (number | string | Long);
  'budget'?: (number | string);
  'costPerGrant'?: (number | string);
}

export interface GlobalCap__Output {
  'maxGrants': (string);
  'budget': (number);
  'costPerGrant': (number);
}
