// Original file: omni/journey/v1/journey.proto

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';

export interface ScriptedEvent {
  'after'?: (_google_protobuf_Duration | null);
  'type'?: (string);
  'properties'?: (_google_protobuf_Struct | null);
}

export interface ScriptedEvent__Output {
  'after': (_google_protobuf_Duration__Output | null);
  'type': (string);
  'properties': (_google_protobuf_Struct__Output | null);
}
