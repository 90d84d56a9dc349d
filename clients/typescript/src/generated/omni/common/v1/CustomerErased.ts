// Original file: omni/common/v1/bus.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface CustomerErased {
  'workspaceId'?: (string);
  'customerId'?: (string);
  'mergedCustomerIds'?: (string)[];
  'erasureId'?: (string);
  'time'?: (_google_protobuf_Timestamp | null);
}

export interface CustomerErased__Output {
  'workspaceId': (string);
  'customerId': (string);
  'mergedCustomerIds': (string)[];
  'erasureId': (string);
  'time': (_google_protobuf_Timestamp__Output | null);
}
