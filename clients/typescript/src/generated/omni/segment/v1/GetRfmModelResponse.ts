// Original file: omni/segment/v1/segment.proto

import type { RfmModel as _omni_segment_v1_RfmModel, RfmModel__Output as _omni_segment_v1_RfmModel__Output } from '../../../omni/segment/v1/RfmModel';

export interface GetRfmModelResponse {
  'model'?: (_omni_segment_v1_RfmModel | null);
}

export interface GetRfmModelResponse__Output {
  'model': (_omni_segment_v1_RfmModel__Output | null);
}
