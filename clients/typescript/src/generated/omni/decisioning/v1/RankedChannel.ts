// Original file: omni/decisioning/v1/decisioning.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { ChannelOutcome as _omni_decisioning_v1_ChannelOutcome, ChannelOutcome__Output as _omni_decisioning_v1_ChannelOutcome__Output } from '../../../omni/decisioning/v1/ChannelOutcome';
import type { Long } from '@grpc/proto-loader';

export interface RankedChannel {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'outcome'?: (_omni_decisioning_v1_ChannelOutcome);
  'rank'?: (number);
  'score'?: (number | string);
  'engagementRate'?: (number | string);
  'trials'?: (number | string | Long);
  'successes'?: (number | string | Long);
  'workspaceRate'?: (number | string);
  'cost'?: (number | string);
  'addresses'?: (number);
  'reason'?: (string);
}

export interface RankedChannel__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'outcome': (_omni_decisioning_v1_ChannelOutcome__Output);
  'rank': (number);
  'score': (number);
  'engagementRate': (number);
  'trials': (string);
  'successes': (string);
  'workspaceRate': (number);
  'cost': (number);
  'addresses': (number);
  'reason': (string);
}
