// Original file: omni/insights/v1/insights.proto

import type { Long } from '@grpc/proto-loader';

export interface Cohort {
  'month'?: (string);
  'customers'?: (number | string | Long);
  'retained'?: (number | string | Long)[];
  'retention'?: (number | string)[];
}

export interface Cohort__Output {
  'month': (string);
  'customers': (string);
  'retained': (string)[];
  'retention': (number)[];
}
