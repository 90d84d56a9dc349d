// Original file: omni/insights/v1/insights.proto

import type { Long } from '@grpc/proto-loader';

export interface ArmOutcome {
  'arm'?: (string);
  'customers'?: (number | string | Long);
  'converters'?: (number | string | Long);
  'conversionRate'?: (number | string);
  'revenue'?: (number | string);
  'revenuePerCustomer'?: (number | string);
}

export interface ArmOutcome__Output {
  'arm': (string);
  'customers': (string);
  'converters': (string);
  'conversionRate': (number);
  'revenue': (number);
  'revenuePerCustomer': (number);
}
