// Original file: omni/common/v1/bus.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';

export interface BusMetadata {
  'traceparent'?: (string);
  'attributes'?: (_google_protobuf_Struct | null);
}

export interface BusMetadata__Output {
  'traceparent': (string);
  'attributes': (_google_protobuf_Struct__Output | null);
}
