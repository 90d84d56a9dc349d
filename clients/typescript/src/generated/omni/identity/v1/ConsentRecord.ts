// Original file: omni/identity/v1/identity.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { ConsentPurpose as _omni_identity_v1_ConsentPurpose, ConsentPurpose__Output as _omni_identity_v1_ConsentPurpose__Output } from '../../../omni/identity/v1/ConsentPurpose';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface ConsentRecord {
  'recordId'?: (string);
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'purpose'?: (_omni_identity_v1_ConsentPurpose);
  'granted'?: (boolean);
  'global'?: (boolean);
  'source'?: (string);
  'proof'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'actor'?: (string);
}

export interface ConsentRecord__Output {
  'recordId': (string);
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'purpose': (_omni_identity_v1_ConsentPurpose__Output);
  'granted': (boolean);
  'global': (boolean);
  'source': (string);
  'proof': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'actor': (string);
}
