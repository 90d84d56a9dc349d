// Original file: omni/decisioning/v1/decisioning.proto


export interface ArchiveOfferRequest {
  'offerId'?: (string);
}

export interface ArchiveOfferRequest__Output {
  'offerId': (string);
}
