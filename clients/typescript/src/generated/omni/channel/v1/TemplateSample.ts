// Original file: omni/channel/v1/channel.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';
import type { RenderedOffer as _omni_channel_v1_RenderedOffer, RenderedOffer__Output as _omni_channel_v1_RenderedOffer__Output } from '../../../omni/channel/v1/RenderedOffer';

export interface TemplateSample {
  'profile'?: (_google_protobuf_Struct | null);
  'offer'?: (_omni_channel_v1_RenderedOffer | null);
  'variables'?: (_google_protobuf_Struct | null);
}

export interface TemplateSample__Output {
  'profile': (_google_protobuf_Struct__Output | null);
  'offer': (_omni_channel_v1_RenderedOffer__Output | null);
  'variables': (_google_protobuf_Struct__Output | null);
}
