// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { ProviderKind as _omni_channel_v1_ProviderKind, ProviderKind__Output as _omni_channel_v1_ProviderKind__Output } from '../../../omni/channel/v1/ProviderKind';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { SmsPrice as _omni_channel_v1_SmsPrice, SmsPrice__Output as _omni_channel_v1_SmsPrice__Output } from '../../../omni/channel/v1/SmsPrice';

export interface ProviderConfig {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'kind'?: (_omni_channel_v1_ProviderKind);
  'baseUrl'?: (string);
  'accountId'?: (string);
  'sender'?: (string);
  'secretRef'?: (string);
  'ratePerSecond'?: (number | string);
  'burst'?: (number);
  'maxAttempts'?: (number);
  'timeout'?: (_google_protobuf_Duration | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
  'secretResolved'?: (boolean);
  'keyId'?: (string);
  'topic'?: (string);
  'providerId'?: (string);
  'priority'?: (number);
  'weight'?: (number);
  'smsPrices'?: (_omni_channel_v1_SmsPrice)[];
}

export interface ProviderConfig__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'kind': (_omni_channel_v1_ProviderKind__Output);
  'baseUrl': (string);
  'accountId': (string);
  'sender': (string);
  'secretRef': (string);
  'ratePerSecond': (number);
  'burst': (number);
  'maxAttempts': (number);
  'timeout': (_google_protobuf_Duration__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
  'secretResolved': (boolean);
  'keyId': (string);
  'topic': (string);
  'providerId': (string);
  'priority': (number);
  'weight': (number);
  'smsPrices': (_omni_channel_v1_SmsPrice__Output)[];
}
