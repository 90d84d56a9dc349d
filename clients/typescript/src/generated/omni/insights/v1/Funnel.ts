// Original file: omni/insights/v1/insights.proto

import type { FunnelStep as _omni_insights_v1_FunnelStep, FunnelStep__Output as _omni_insights_v1_FunnelStep__Output } from '../../../omni/insights/v1/FunnelStep';

export interface Funnel {
  'key'?: (string);
  'steps'?: (_omni_insights_v1_FunnelStep)[];
}

export interface Funnel__Output {
  'key': (string);
  'steps': (_omni_insights_v1_FunnelStep__Output)[];
}
