// Original file: omni/decisioning/v1/decisioning.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { RankedChannel as _omni_decisioning_v1_RankedChannel, RankedChannel__Output as _omni_decisioning_v1_RankedChannel__Output } from '../../../omni/decisioning/v1/RankedChannel';
import type { ContactPurpose as _omni_decisioning_v1_ContactPurpose, ContactPurpose__Output as _omni_decisioning_v1_ContactPurpose__Output } from '../../../omni/decisioning/v1/ContactPurpose';

export interface ChooseChannelResponse {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'channels'?: (_omni_decisioning_v1_RankedChannel)[];
  'customerId'?: (string);
  'purpose'?: (_omni_decisioning_v1_ContactPurpose);
}

export interface ChooseChannelResponse__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'channels': (_omni_decisioning_v1_RankedChannel__Output)[];
  'customerId': (string);
  'purpose': (_omni_decisioning_v1_ContactPurpose__Output);
}
