// Original file: omni/identity/v1/identity.proto

import type { ConsentRecord as _omni_identity_v1_ConsentRecord, ConsentRecord__Output as _omni_identity_v1_ConsentRecord__Output } from '../../../omni/identity/v1/ConsentRecord';

export interface ListConsentHistoryResponse {
  'records'?: (_omni_identity_v1_ConsentRecord)[];
  'nextPageToken'?: (string);
}

export interface ListConsentHistoryResponse__Output {
  'records': (_omni_identity_v1_ConsentRecord__Output)[];
  'nextPageToken': (string);
}
