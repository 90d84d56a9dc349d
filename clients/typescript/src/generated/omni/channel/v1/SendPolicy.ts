// Original file: omni/channel/v1/channel.proto

import type { QuietHours as _omni_channel_v1_QuietHours, QuietHours__Output as _omni_channel_v1_QuietHours__Output } from '../../../omni/channel/v1/QuietHours';
import type { FatigueCap as _omni_channel_v1_FatigueCap, FatigueCap__Output as _omni_channel_v1_FatigueCap__Output } from '../../../omni/channel/v1/FatigueCap';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { JourneyThrottle as _omni_channel_v1_JourneyThrottle, JourneyThrottle__Output as _omni_channel_v1_JourneyThrottle__Output } from '../../../omni/channel/v1/JourneyThrottle';
import type { FrequencyRule as _omni_channel_v1_FrequencyRule, FrequencyRule__Output as _omni_channel_v1_FrequencyRule__Output } from '../../../omni/channel/v1/FrequencyRule';

export interface SendPolicy {
  'quietHours'?: (_omni_channel_v1_QuietHours | null);
  'caps'?: (_omni_channel_v1_FatigueCap)[];
  'updateTime'?: (_google_protobuf_Timestamp | null);
  'journeyThrottles'?: (_omni_channel_v1_JourneyThrottle)[];
  'frequencyRules'?: (_omni_channel_v1_FrequencyRule)[];
  'arbitrationWindowMs'?: (number);
}

export interface SendPolicy__Output {
  'quietHours': (_omni_channel_v1_QuietHours__Output | null);
  'caps': (_omni_channel_v1_FatigueCap__Output)[];
  'updateTime': (_google_protobuf_Timestamp__Output | null);
  'journeyThrottles': (_omni_channel_v1_JourneyThrottle__Output)[];
  'frequencyRules': (_omni_channel_v1_FrequencyRule__Output)[];
  'arbitrationWindowMs': (number);
}
