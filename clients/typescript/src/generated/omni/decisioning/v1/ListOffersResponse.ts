// Original file: omni/decisioning/v1/decisioning.proto

import type { Offer as _omni_decisioning_v1_Offer, Offer__Output as _omni_decisioning_v1_Offer__Output } from '../../../omni/decisioning/v1/Offer';

export interface ListOffersResponse {
  'offers'?: (_omni_decisioning_v1_Offer)[];
  'nextPageToken'?: (string);
}

export interface ListOffersResponse__Output {
  'offers': (_omni_decisioning_v1_Offer__Output)[];
  'nextPageToken': (string);
}
