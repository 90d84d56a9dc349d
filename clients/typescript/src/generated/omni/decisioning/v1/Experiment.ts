// Original file: omni/decisioning/v1/decisioning.proto

import type { ExperimentArm as _omni_decisioning_v1_ExperimentArm, ExperimentArm__Output as _omni_decisioning_v1_ExperimentArm__Output } from '../../../omni/decisioning/v1/ExperimentArm';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Experiment {
  'experimentId'?: (string);
  'displayName'?: (string);
  'arms'?: (_omni_decisioning_v1_ExperimentArm)[];
  'createTime'?: (_google_protobuf_Timestamp | null);
}

export interface Experiment__Output {
  'experimentId': (string);
  'displayName': (string);
  'arms': (_omni_decisioning_v1_ExperimentArm__Output)[];
  'createTime': (_google_protobuf_Timestamp__Output | null);
}
