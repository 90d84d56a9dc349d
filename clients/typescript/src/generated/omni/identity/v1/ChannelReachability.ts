// Original file: omni/identity/v1/identity.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { PushToken as _omni_identity_v1_PushToken, PushToken__Output as _omni_identity_v1_PushToken__Output } from '../../../omni/identity/v1/PushToken';

export interface ChannelReachability {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'reachable'?: (boolean);
  'addresses'?: (string)[];
  'pushTokens'?: (_omni_identity_v1_PushToken)[];
  'reason'?: (string);
}

export interface ChannelReachability__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'reachable': (boolean);
  'addresses': (string)[];
  'pushTokens': (_omni_identity_v1_PushToken__Output)[];
  'reason': (string);
}
