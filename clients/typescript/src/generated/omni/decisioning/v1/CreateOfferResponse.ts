// Original file: omni/decisioning/v1/decisioning.proto

import type { Offer as _omni_decisioning_v1_Offer, Offer__Output as _omni_decisioning_v1_Offer__Output } from '../../../omni/decisioning/v1/Offer';

export interface CreateOfferResponse {
  'offer'?: (_omni_decisioning_v1_Offer | null);
}

export interface CreateOfferResponse__Output {
  'offer': (_omni_decisioning_v1_Offer__Output | null);
}
