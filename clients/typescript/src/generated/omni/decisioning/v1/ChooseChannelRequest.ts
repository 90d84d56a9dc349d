// Original file: omni/decisioning/v1/decisioning.proto

import type { ChannelCandidate as _omni_decisioning_v1_ChannelCandidate, ChannelCandidate__Output as _omni_decisioning_v1_ChannelCandidate__Output } from '../../../omni/decisioning/v1/ChannelCandidate';
import type { ContactPurpose as _omni_decisioning_v1_ContactPurpose, ContactPurpose__Output as _omni_decisioning_v1_ContactPurpose__Output } from '../../../omni/decisioning/v1/ContactPurpose';

export interface ChooseChannelRequest {
  'customerId'?: (string);
  'candidates'?: (_omni_decisioning_v1_ChannelCandidate)[];
  'purpose'?: (_omni_decisioning_v1_ContactPurpose);
  'engagementValue'?: (number | string);
}

export interface ChooseChannelRequest__Output {
  'customerId': (string);
  'candidates': (_omni_decisioning_v1_ChannelCandidate__Output)[];
  'purpose': (_omni_decisioning_v1_ContactPurpose__Output);
  'engagementValue': (number);
}
