// Original file: omni/identity/v1/identity.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface PurchaseSummary {
  'orders'?: (number | string | Long);
  'revenue'?: (number | string);
  'lastPurchaseTime'?: (_google_protobuf_Timestamp | null);
  'productIds'?: (string)[];
}

export interface PurchaseSummary__Output {
  'orders': (string);
  'revenue': (number);
  'lastPurchaseTime': (_google_protobuf_Timestamp__Output | null);
  'productIds': (string)[];
}
