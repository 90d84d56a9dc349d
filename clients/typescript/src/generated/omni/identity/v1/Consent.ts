// Original file: omni/identity/v1/identity.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { ConsentPurpose as _omni_identity_v1_ConsentPurpose, ConsentPurpose__Output as _omni_identity_v1_ConsentPurpose__Output } from '../../../omni/identity/v1/ConsentPurpose';

export interface Consent {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'granted'?: (boolean);
  'updateTime'?: (_google_protobuf_Timestamp | null);
  'purpose'?: (_omni_identity_v1_ConsentPurpose);
  'source'?: (string);
  'proof'?: (string);
}

export interface Consent__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'granted': (boolean);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
  'purpose': (_omni_identity_v1_ConsentPurpose__Output);
  'source': (string);
  'proof': (string);
}
