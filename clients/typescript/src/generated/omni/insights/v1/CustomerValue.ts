// Original file: omni/insights/v1/insights.proto

import type { Long } from '@grpc/proto-loader';

export interface CustomerValue {
  'key'?: (string);
  'customers'?: (number | string | Long);
  'orders'?: (number | string | Long);
  'revenue'?: (number | string);
  'historicalCltv'?: (number | string);
  'averageOrderValue'?: (number | string);
  'purchaseFrequency'?: (number | string);
  'monthlyChurnRate'?: (number | string);
  'expectedLifetimeMonths'?: (number | string);
  'predictedCltv'?: (number | string);
}

export interface CustomerValue__Output {
  'key': (string);
  'customers': (string);
  'orders': (string);
  'revenue': (number);
  'historicalCltv': (number);
  'averageOrderValue': (number);
  'purchaseFrequency': (number);
  'monthlyChurnRate': (number);
  'expectedLifetimeMonths': (number);
  'predictedCltv': (number);
}
