// Original file: omni/identity/v1/identity.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface ChannelEngagement {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'lastOpenTime'?: (_google_protobuf_Timestamp | null);
  'lastClickTime'?: (_google_protobuf_Timestamp | null);
  'opens'?: (number | string | Long);
  'clicks'?: (number | string | Long);
}

export interface ChannelEngagement__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'lastOpenTime': (_google_protobuf_Timestamp__Output | null);
  'lastClickTime': (_google_protobuf_Timestamp__Output | null);
  'opens': (string);
  'clicks': (string);
}
