// Original file: omni/common/v1/bus.proto

import type { Event as _omni_common_v1_Event, Event__Output as _omni_common_v1_Event__Output } from '../../../omni/common/v1/Event';

export interface EventIngested {
  'workspaceId'?: (string);
  'customerId'?: (string);
  'event'?: (_omni_common_v1_Event | null);
  'mergedCustomerIds'?: (string)[];
}

export interface EventIngested__Output {
  'workspaceId': (string);
  'customerId': (string);
  'event': (_omni_common_v1_Event__Output | null);
  'mergedCustomerIds': (string)[];
}
