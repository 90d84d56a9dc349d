// Original file: omni/decisioning/v1/decisioning.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { Long } from '@grpc/proto-loader';

export interface ChannelCandidate {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'cost'?: (number | string);
  'remainingContacts'?: (number | string | Long);
  '_remainingContacts'?: "remainingContacts";
}

export interface ChannelCandidate__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'cost': (number);
  'remainingContacts'?: (string);
  '_remainingContacts'?: "remainingContacts";
}
