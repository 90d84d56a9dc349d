// Original file: omni/common/v1/common.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from '../../../omni/common/v1/Identifier';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../../google/protobuf/Struct';
import type { SourceChannel as _omni_common_v1_SourceChannel, SourceChannel__Output as _omni_common_v1_SourceChannel__Output } from '../../../omni/common/v1/SourceChannel';

export interface Event {
  'eventId'?: (string);
  'type'?: (string);
  'time'?: (_google_protobuf_Timestamp | null);
  'identifiers'?: (_omni_common_v1_Identifier)[];
  'properties'?: (_google_protobuf_Struct | null);
  'traits'?: (_google_protobuf_Struct | null);
  'source'?: (_omni_common_v1_SourceChannel);
}

export interface Event__Output {
  'eventId': (string);
  'type': (string);
  'time': (_google_protobuf_Timestamp__Output | null);
  'identifiers': (_omni_common_v1_Identifier__Output)[];
  'properties': (_google_protobuf_Struct__Output | null);
  'traits': (_google_protobuf_Struct__Output | null);
  'source': (_omni_common_v1_SourceChannel__Output);
}
