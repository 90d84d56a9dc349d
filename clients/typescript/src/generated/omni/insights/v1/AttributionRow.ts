// Original file: omni/insights/v1/insights.proto

import type { Credit as _omni_insights_v1_Credit, Credit__Output as _omni_insights_v1_Credit__Output } from '../../../omni/insights/v1/Credit';

export interface AttributionRow {
  'key'?: (string);
  'firstTouch'?: (_omni_insights_v1_Credit | null);
  'lastTouch'?: (_omni_insights_v1_Credit | null);
  'linear'?: (_omni_insights_v1_Credit | null);
  'timeDecay'?: (_omni_insights_v1_Credit | null);
  'positionBased'?: (_omni_insights_v1_Credit | null);
}

export interface AttributionRow__Output {
  'key': (string);
  'firstTouch': (_omni_insights_v1_Credit__Output | null);
  'lastTouch': (_omni_insights_v1_Credit__Output | null);
  'linear': (_omni_insights_v1_Credit__Output | null);
  'timeDecay': (_omni_insights_v1_Credit__Output | null);
  'positionBased': (_omni_insights_v1_Credit__Output | null);
}
