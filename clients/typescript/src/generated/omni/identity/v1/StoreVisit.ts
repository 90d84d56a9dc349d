// Original file: omni/identity/v1/identity.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface StoreVisit {
  'storeId'?: (string);
  'visitTime'?: (_google_protobuf_Timestamp | null);
}

export interface StoreVisit__Output {
  'storeId': (string);
  'visitTime': (_google_protobuf_Timestamp__Output | null);
}
