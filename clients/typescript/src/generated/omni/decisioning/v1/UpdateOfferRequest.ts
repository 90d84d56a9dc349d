// Original file: omni/decisioning/v1/decisioning.proto

import type { Offer as _omni_decisioning_v1_Offer, Offer__Output as _omni_decisioning_v1_Offer__Output } from '../../../omni/decisioning/v1/Offer';
import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from '../../../google/protobuf/FieldMask';

export interface UpdateOfferRequest {
  'offer'?: (_omni_decisioning_v1_Offer | null);
  'updateMask'?: (_google_protobuf_FieldMask | null);
  'idempotencyKey'?: (string);
}

export interface UpdateOfferRequest__Output {
  'offer': (_omni_decisioning_v1_Offer__Output | null);
  'updateMask': (_google_protobuf_FieldMask__Output | null);
  'idempotencyKey': (string);
}
