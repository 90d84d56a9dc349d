// Original file: omni/identity/v1/identity.proto

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';

export interface RotateApiKeyRequest {
  'keyId'?: (string);
  'gracePeriod'?: (_google_protobuf_Duration | null);
}

export interface RotateApiKeyRequest__Output {
  'keyId': (string);
  'gracePeriod': (_google_protobuf_Duration__Output | null);
}
