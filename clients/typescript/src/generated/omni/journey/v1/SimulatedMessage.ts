// Original file: omni/journey/v1/journey.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface SimulatedMessage {
  'nodeId'?: (string);
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'templateId'?: (string);
  'idempotencyKey'?: (string);
  'time'?: (_google_protobuf_Timestamp | null);
}

export interface SimulatedMessage__Output {
  'nodeId': (string);
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'templateId': (string);
  'idempotencyKey': (string);
  'time': (_google_protobuf_Timestamp__Output | null);
}
