// Original file: omni/journey/v1/journey.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';

export interface SimulatedProfile {
  'customerId'?: (string);
  'traits'?: (_google_protobuf_Struct | null);
  'computed'?: (_google_protobuf_Struct | null);
  'segments'?: (string)[];
}

export interface SimulatedProfile__Output {
  'customerId': (string);
  'traits': (_google_protobuf_Struct__Output | null);
  'computed': (_google_protobuf_Struct__Output | null);
  'segments': (string)[];
}
