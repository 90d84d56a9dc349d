// Original file: omni/segment/v1/segment.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';

export interface GetComputedTraitValuesResponse {
  'values'?: (_google_protobuf_Struct | null);
}

export interface GetComputedTraitValuesResponse__Output {
  'values': (_google_protobuf_Struct__Output | null);
}
