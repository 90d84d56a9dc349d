// Original file: omni/decisioning/v1/decisioning.proto

import type { Placement as _omni_decisioning_v1_Placement, Placement__Output as _omni_decisioning_v1_Placement__Output } from '../../../omni/decisioning/v1/Placement';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';

export interface PlacementContent {
  'placement'?: (_omni_decisioning_v1_Placement);
  'contentRef'?: (string);
  'content'?: (_google_protobuf_Struct | null);
}

export interface PlacementContent__Output {
  'placement': (_omni_decisioning_v1_Placement__Output);
  'contentRef': (string);
  'content': (_google_protobuf_Struct__Output | null);
}
