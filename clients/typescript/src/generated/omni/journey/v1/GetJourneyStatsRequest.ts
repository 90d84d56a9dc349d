// Original file: omni/journey/v1/journey.proto

import type { Long } from '@grpc/proto-loader';

export interface GetJourneyStatsRequest {
  'journeyId'?: (string);
  'version'?: (number | string | Long);
}

export interface GetJourneyStatsRequest__Output {
  'journeyId': (string);
  'version': (string);
}
