// Original file: omni/identity/v1/identity.proto

import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from '../../../google/protobuf/FieldMask';

export interface GetProfileRequest {
  'customerId'?: (string);
  'readMask'?: (_google_protobuf_FieldMask | null);
}

export interface GetProfileRequest__Output {
  'customerId': (string);
  'readMask': (_google_protobuf_FieldMask__Output | null);
}
