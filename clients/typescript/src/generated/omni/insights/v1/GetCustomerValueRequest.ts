// Original file: omni/insights/v1/insights.proto

import type { ValueGrouping as _omni_insights_v1_ValueGrouping, ValueGrouping__Output as _omni_insights_v1_ValueGrouping__Output } from '../../../omni/insights/v1/ValueGrouping';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';

export interface GetCustomerValueRequest {
  'groupBy'?: (_omni_insights_v1_ValueGrouping);
  'customerId'?: (string);
  'asOf'?: (_google_protobuf_Timestamp | null);
  'churnAfter'?: (_google_protobuf_Duration | null);
  'maxLifetimeMonths'?: (number);
}

export interface GetCustomerValueRequest__Output {
  'groupBy': (_omni_insights_v1_ValueGrouping__Output);
  'customerId': (string);
  'asOf': (_google_protobuf_Timestamp__Output | null);
  'churnAfter': (_google_protobuf_Duration__Output | null);
  'maxLifetimeMonths': (number);
}
