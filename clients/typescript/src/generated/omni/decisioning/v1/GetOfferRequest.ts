// Original file: omni/decisioning/v1/decisioning.proto

import type { Long } from '@grpc/proto-loader';

export interface GetOfferRequest {
  'offerId'?: (string);
  'version'?: (number | string | Long);
}

export interface GetOfferRequest__Output {
  'offerId': (string);
  'version': (string);
}
