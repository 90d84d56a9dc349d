// Original file: omni/decisioning/v1/decisioning.proto

export const OfferState = {
  OFFER_STATE_UNSPECIFIED: 'OFFER_STATE_UNSPECIFIED',
  OFFER_STATE_ACTIVE: 'OFFER_STATE_ACTIVE',
  OFFER_STATE_ARCHIVED: 'OFFER_STATE_ARCHIVED',
} as const;

export type OfferState =
  | 'OFFER_STATE_UNSPECIFIED'
  | 0
  | 'OFFER_STATE_ACTIVE'
  | 1
  | 'OFFER_STATE_ARCHIVED'
  | 2

export type OfferState__Output = typeof OfferState[keyof typeof OfferState]
