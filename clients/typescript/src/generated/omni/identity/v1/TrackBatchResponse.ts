// Original file: omni/identity/v1/identity.proto

import type { TrackResult as _omni_identity_v1_TrackResult, TrackResult__Output as _omni_identity_v1_TrackResult__Output } from '../../../omni/identity/v1/TrackResult';

export interface TrackBatchResponse {
  'results'?: (_omni_identity_v1_TrackResult)[];
  'acceptedCount'?: (number);
  'failedCount'?: (number);
}

export interface TrackBatchResponse__Output {
  'results': (_omni_identity_v1_TrackResult__Output)[];
  'acceptedCount': (number);
  'failedCount': (number);
}
