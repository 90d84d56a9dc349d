// Original file: omni/channel/v1/channel.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';

export interface RenderedOffer {
  'offerId'?: (string);
  'displayName'?: (string);
  'value'?: (number | string);
  'content'?: (_google_protobuf_Struct | null);
  'decisionId'?: (string);
}

export interface RenderedOffer__Output {
  'offerId': (string);
  'displayName': (string);
  'value': (number);
  'content': (_google_protobuf_Struct__Output | null);
  'decisionId': (string);
}
