// Original file: omni/decisioning/v1/decisioning.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { OfferState as _omni_decisioning_v1_OfferState, OfferState__Output as _omni_decisioning_v1_OfferState__Output } from '../../../omni/decisioning/v1/OfferState';
import type { PlacementContent as _omni_decisioning_v1_PlacementContent, PlacementContent__Output as _omni_decisioning_v1_PlacementContent__Output } from '../../../omni/decisioning/v1/PlacementContent';
import type { CustomerCap as _omni_decisioning_v1_CustomerCap, CustomerCap__Output as _omni_decisioning_v1_CustomerCap__Output } from '../../../omni/decisioning/v1/CustomerCap';
import type { GlobalCap as _omni_decisioning_v1_GlobalCap, GlobalCap__Output as _omni_decisioning_v1_GlobalCap__Output } from '../../../omni/decisioning/v1/GlobalCap';
import type { PropensityModel as _omni_decisioning_v1_PropensityModel, PropensityModel__Output as _omni_decisioning_v1_PropensityModel__Output } from '../../../omni/decisioning/v1/PropensityModel';
import type { Long } from '@grpc/proto-loader';

export interface Offer {
  'offerId'?: (string);
  'displayName'?: (string);
  'eligibility'?: (string);
  'value'?: (number | string);
  'weight'?: (number | string);
  'content'?: (_google_protobuf_Struct | null);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'version'?: (number | string | Long);
  'state'?: (_omni_decisioning_v1_OfferState);
  'placements'?: (_omni_decisioning_v1_PlacementContent)[];
  'validFrom'?: (_google_protobuf_Timestamp | null);
  'validUntil'?: (_google_protobuf_Timestamp | null);
  'customerCap'?: (_omni_decisioning_v1_CustomerCap | null);
  'globalCap'?: (_omni_decisioning_v1_GlobalCap | null);
  'productIds'?: (string)[];
  'priority'?: (number);
  'fallback'?: (boolean);
  'propensityModel'?: (_omni_decisioning_v1_PropensityModel);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface Offer__Output {
  'offerId': (string);
  'displayName': (string);
  'eligibility': (string);
  'value': (number);
  'weight': (number);
  'content': (_google_protobuf_Struct__Output | null);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'version': (string);
  'state': (_omni_decisioning_v1_OfferState__Output);
  'placements': (_omni_decisioning_v1_PlacementContent__Output)[];
  'validFrom': (_google_protobuf_Timestamp__Output | null);
  'validUntil': (_google_protobuf_Timestamp__Output | null);
  'customerCap': (_omni_decisioning_v1_CustomerCap__Output | null);
  'globalCap': (_omni_decisioning_v1_GlobalCap__Output | null);
  'productIds': (string)[];
  'priority': (number);
  'fallback': (boolean);
  'propensityModel': (_omni_decisioning_v1_PropensityModel__Output);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
