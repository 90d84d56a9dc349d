// Original file: omni/identity/v1/identity.proto

import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from '../../../omni/common/v1/Identifier';

export interface TrackResponse {
  'customerId'?: (string);
  'duplicate'?: (boolean);
  'mergedCustomerIds'?: (string)[];
  'created'?: (boolean);
  'conflictId'?: (string);
  'ignoredIdentifiers'?: (_omni_common_v1_Identifier)[];
}

export interface TrackResponse__Output {
  'customerId': (string);
  'duplicate': (boolean);
  'mergedCustomerIds': (string)[];
  'created': (boolean);
  'conflictId': (string);
  'ignoredIdentifiers': (_omni_common_v1_Identifier__Output)[];
}
