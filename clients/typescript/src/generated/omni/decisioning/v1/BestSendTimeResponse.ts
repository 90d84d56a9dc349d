// Original file: omni/decisioning/v1/decisioning.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface BestSendTimeResponse {
  'sendTime'?: (_google_protobuf_Timestamp | null);
  'timeZone'?: (string);
  'localHourOfWeek'?: (number);
  'score'?: (number | string);
  'customerEngagements'?: (number | string | Long);
  'reason'?: (string);
}

export interface BestSendTimeResponse__Output {
  'sendTime': (_google_protobuf_Timestamp__Output | null);
  'timeZone': (string);
  'localHourOfWeek': (number);
  'score': (number);
  'customerEngagements': (string);
  'reason': (string);
}
