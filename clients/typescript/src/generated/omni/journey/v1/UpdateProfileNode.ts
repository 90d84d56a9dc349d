// Original file: omni/journey/v1/journey.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';

export interface UpdateProfileNode {
  'traits'?: (_google_protobuf_Struct | null);
}

export interface UpdateProfileNode__Output {
  'traits': (_google_protobuf_Struct__Output | null);
}
