// Original file: omni/journey/v1/journey.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface RunStep {
  'time'?: (_google_protobuf_Timestamp | null);
  'nodeId'?: (string);
  'outcome'?: (string);
  'branch'?: (string);
  'decisionId'?: (string);
  'messageId'?: (string);
  'detail'?: (string);
}

export interface RunStep__Output {
  'time': (_google_protobuf_Timestamp__Output | null);
  'nodeId': (string);
  'outcome': (string);
  'branch': (string);
  'decisionId': (string);
  'messageId': (string);
  'detail': (string);
}
