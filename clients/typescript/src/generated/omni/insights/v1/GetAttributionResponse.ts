// Original file: omni/insights/v1/insights.proto

import type { AttributionRow as _omni_insights_v1_AttributionRow, AttributionRow__Output as _omni_insights_v1_AttributionRow__Output } from '../../../omni/insights/v1/AttributionRow';
import type { Long } from '@grpc/proto-loader';

export interface GetAttributionResponse {
  'rows'?: (_omni_insights_v1_AttributionRow)[];
  'conversions'?: (number | string | Long);
  'revenue'?: (number | string);
  'unattributedConversions'?: (number | string | Long);
  'unattributedRevenue'?: (number | string);
}

export interface GetAttributionResponse__Output {
  'rows': (_omni_insights_v1_AttributionRow__Output)[];
  'conversions': (string);
  'revenue': (number);
  'unattributedConversions': (string);
  'unattributedRevenue': (number);
}
