// Original file: omni/insights/v1/insights.proto

import type { Long } from '@grpc/proto-loader';

export interface FunnelStep {
  'eventType'?: (string);
  'customers'?: (number | string | Long);
  'stepConversion'?: (number | string);
  'overallConversion'?: (number | string);
  'dropOff'?: (number | string | Long);
  'dropOffRate'?: (number | string);
}

export interface FunnelStep__Output {
  'eventType': (string);
  'customers': (string);
  'stepConversion': (number);
  'overallConversion': (number);
  'dropOff': (string);
  'dropOffRate': (number);
}
