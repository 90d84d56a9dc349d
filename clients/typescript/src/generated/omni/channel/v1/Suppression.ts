// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { SuppressionListReason as _omni_channel_v1_SuppressionListReason, SuppressionListReason__Output as _omni_channel_v1_SuppressionListReason__Output } from '../../../omni/channel/v1/SuppressionListReason';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Suppression {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'address'?: (string);
  'reason'?: (_omni_channel_v1_SuppressionListReason);
  'note'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
}

export interface Suppression__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'address': (string);
  'reason': (_omni_channel_v1_SuppressionListReason__Output);
  'note': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
}
