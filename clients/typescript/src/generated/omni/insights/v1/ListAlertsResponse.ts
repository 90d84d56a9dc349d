// Original file: omni/insights/v1/insights.proto

import type { Alert as _omni_insights_v1_Alert, Alert__Output as _omni_insights_v1_Alert__Output } from '../../../omni/insights/v1/Alert';

export interface ListAlertsResponse {
  'alerts'?: (_omni_insights_v1_Alert)[];
  'nextPageToken'?: (string);
}

export interface ListAlertsResponse__Output {
  'alerts': (_omni_insights_v1_Alert__Output)[];
  'nextPageToken': (string);
}
