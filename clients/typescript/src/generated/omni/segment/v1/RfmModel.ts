// Original file: omni/segment/v1/segment.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface RfmModel {
  'computeTime'?: (_google_protobuf_Timestamp | null);
  'customerCount'?: (number | string | Long);
  'recencyCutoffs'?: (_google_protobuf_Timestamp)[];
  'frequencyCutoffs'?: (number | string | Long)[];
  'monetaryCutoffs'?: (number | string)[];
}

export interface RfmModel__Output {
  'computeTime': (_google_protobuf_Timestamp__Output | null);
  'customerCount': (string);
  'recencyCutoffs': (_google_protobuf_Timestamp__Output)[];
  'frequencyCutoffs': (string)[];
  'monetaryCutoffs': (number)[];
}
