// Original file: omni/decisioning/v1/decisioning.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';
import type { Placement as _omni_decisioning_v1_Placement, Placement__Output as _omni_decisioning_v1_Placement__Output } from '../../../omni/decisioning/v1/Placement';

export interface DecideRequest {
  'customerId'?: (string);
  'context'?: (_google_protobuf_Struct | null);
  'placement'?: (_omni_decisioning_v1_Placement);
  'count'?: (number);
  'experimentId'?: (string);
  'modelScores'?: ({[key: string]: number | string});
  'purchasedProductIds'?: (string)[];
  'redeemedOfferIds'?: (string)[];
  'idempotencyKey'?: (string);
}

export interface DecideRequest__Output {
  'customerId': (string);
  'context': (_google_protobuf_Struct__Output | null);
  'placement': (_omni_decisioning_v1_Placement__Output);
  'count': (number);
  'experimentId': (string);
  'modelScores': ({[key: string]: number});
  'purchasedProductIds': (string)[];
  'redeemedOfferIds': (string)[];
  'idempotencyKey': (string);
}
