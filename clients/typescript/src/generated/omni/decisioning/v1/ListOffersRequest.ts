// Original file: omni/decisioning/v1/decisioning.proto

import type { Placement as _omni_decisioning_v1_Placement, Placement__Output as _omni_decisioning_v1_Placement__Output } from '../../../omni/decisioning/v1/Placement';

export interface ListOffersRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  'showArchived'?: (boolean);
  'placement'?: (_omni_decisioning_v1_Placement);
}

export interface ListOffersRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  'showArchived': (boolean);
  'placement': (_omni_decisioning_v1_Placement__Output);
}
