// Original file: omni/channel/v1/channel.proto

import type { ProviderConfig as _omni_channel_v1_ProviderConfig, ProviderConfig__Output as _omni_channel_v1_ProviderConfig__Output } from '../../../omni/channel/v1/ProviderConfig';

export interface ListProviderConfigsResponse {
  'providerConfigs'?: (_omni_channel_v1_ProviderConfig)[];
}

export interface ListProviderConfigsResponse__Output {
  'providerConfigs': (_omni_channel_v1_ProviderConfig__Output)[];
}
