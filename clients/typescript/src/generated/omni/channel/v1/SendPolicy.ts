// Original file: omni/channel/v1/channel.proto

import type { QuietHours as _omni_channel_v1_QuietHours, QuietHours__Output as _omni_channel_v1_QuietHours__Output } from '../../../omni/channel/v1/QuietHours';
import type { FatigueCap as _omni_channel_v1_FatigueCap, FatigueCap__Output as _omni_channel_v1_FatigueCap__Output } from '../../../omni/channel/v1/FatigueCap';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface SendPolicy {
  'quietHours'?: (_omni_channel_v1_QuietHours | null);
  'caps'?: (_omni_channel_v1_FatigueCap)[];
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface SendPolicy__Output {
  'quietHours': (_omni_channel_v1_QuietHours__Output | null);
  'caps': (_omni_channel_v1_FatigueCap__Output)[];
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
