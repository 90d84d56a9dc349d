// Original file: omni/identity/v1/identity.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { ConsentPurpose as _omni_identity_v1_ConsentPurpose, ConsentPurpose__Output as _omni_identity_v1_ConsentPurpose__Output } from '../../../omni/identity/v1/ConsentPurpose';

export interface UpdateConsentRequest {
  'customerId'?: (string);
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'granted'?: (boolean);
  'idempotencyKey'?: (string);
  'purpose'?: (_omni_identity_v1_ConsentPurpose);
  'source'?: (string);
  'proof'?: (string);
}

export interface UpdateConsentRequest__Output {
  'customerId': (string);
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'granted': (boolean);
  'idempotencyKey': (string);
  'purpose': (_omni_identity_v1_ConsentPurpose__Output);
  'source': (string);
  'proof': (string);
}
