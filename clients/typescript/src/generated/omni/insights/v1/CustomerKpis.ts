// Original file: omni/insights/v1/insights.proto

import type { Long } from '@grpc/proto-loader';

export interface CustomerKpis {
  'cartAbandoners'?: (number | string | Long);
  'cartReturners'?: (number | string | Long);
  'cartReturnRate'?: (number | string);
  'dormantCustomers'?: (number | string | Long);
  'reactivatedCustomers'?: (number | string | Long);
  'reactivationRate'?: (number | string);
}

export interface CustomerKpis__Output {
  'cartAbandoners': (string);
  'cartReturners': (string);
  'cartReturnRate': (number);
  'dormantCustomers': (string);
  'reactivatedCustomers': (string);
  'reactivationRate': (number);
}
