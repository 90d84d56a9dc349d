// Original file: omni/segment/v1/segment.proto

import type { Aggregation as _omni_segment_v1_Aggregation, Aggregation__Output as _omni_segment_v1_Aggregation__Output } from '../../../omni/segment/v1/Aggregation';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface ComputedTrait {
  'computedTraitId'?: (string);
  'name'?: (string);
  'aggregation'?: (_omni_segment_v1_Aggregation);
  'eventType'?: (string);
  'property'?: (string);
  'filter'?: (string);
  'window'?: (_google_protobuf_Duration | null);
  'createTime'?: (_google_protobuf_Timestamp | null);
}

export interface ComputedTrait__Output {
  'computedTraitId': (string);
  'name': (string);
  'aggregation': (_omni_segment_v1_Aggregation__Output);
  'eventType': (string);
  'property': (string);
  'filter': (string);
  'window': (_google_protobuf_Duration__Output | null);
  'createTime': (_google_protobuf_Timestamp__Output | null);
}
