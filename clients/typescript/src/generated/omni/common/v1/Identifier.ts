// Original file: omni/common/v1/common.proto

import type { IdentifierType as _omni_common_v1_IdentifierType, IdentifierType__Output as _omni_common_v1_IdentifierType__Output } from '../../../omni/common/v1/IdentifierType';

export interface Identifier {
  'type'?: (_omni_common_v1_IdentifierType);
  'value'?: (string);
  'customType'?: (string);
}

export interface Identifier__Output {
  'type': (_omni_common_v1_IdentifierType__Output);
  'value': (string);
  'customType': (string);
}
