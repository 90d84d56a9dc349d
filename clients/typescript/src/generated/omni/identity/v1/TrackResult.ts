// Original file: omni/identity/v1/identity.proto

import type { TrackResponse as _omni_identity_v1_TrackResponse, TrackResponse__Output as _omni_identity_v1_TrackResponse__Output } from '../../../omni/identity/v1/TrackResponse';
import type { TrackError as _omni_identity_v1_TrackError, TrackError__Output as _omni_identity_v1_TrackError__Output } from '../../../omni/identity/v1/TrackError';

export interface TrackResult {
  'index'?: (number);
  'eventId'?: (string);
  'accepted'?: (_omni_identity_v1_TrackResponse | null);
  'error'?: (_omni_identity_v1_TrackError | null);
  'result'?: "accepted"|"error";
}

export interface TrackResult__Output {
  'index': (number);
  'eventId': (string);
  'accepted'?: (_omni_identity_v1_TrackResponse__Output | null);
  'error'?: (_omni_identity_v1_TrackError__Output | null);
  'result'?: "accepted"|"error";
}
