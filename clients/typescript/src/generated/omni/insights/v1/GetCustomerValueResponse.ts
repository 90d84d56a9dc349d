// Original file: omni/insights/v1/insights.proto

import type { CustomerValue as _omni_insights_v1_CustomerValue, CustomerValue__Output as _omni_insights_v1_CustomerValue__Output } from '../../../omni/insights/v1/CustomerValue';

export interface GetCustomerValueResponse {
  'rows'?: (_omni_insights_v1_CustomerValue)[];
  'total'?: (_omni_insights_v1_CustomerValue | null);
}

export interface GetCustomerValueResponse__Output {
  'rows': (_omni_insights_v1_CustomerValue__Output)[];
  'total': (_omni_insights_v1_CustomerValue__Output | null);
}
