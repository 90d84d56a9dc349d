// Original file: omni/decisioning/v1/decisioning.proto

import type { ArmResult as _omni_decisioning_v1_ArmResult, ArmResult__Output as _omni_decisioning_v1_ArmResult__Output } from '../../../omni/decisioning/v1/ArmResult';

export interface GetExperimentResultsResponse {
  'arms'?: (_omni_decisioning_v1_ArmResult)[];
  'sampleRatioPValue'?: (number | string);
  'sampleRatioMismatch'?: (boolean);
  'warning'?: (string);
}

export interface GetExperimentResultsResponse__Output {
  'arms': (_omni_decisioning_v1_ArmResult__Output)[];
  'sampleRatioPValue': (number);
  'sampleRatioMismatch': (boolean);
  'warning': (string);
}
