// Original file: omni/segment/v1/segment.proto

import type { LifecycleSettings as _omni_segment_v1_LifecycleSettings, LifecycleSettings__Output as _omni_segment_v1_LifecycleSettings__Output } from '../../../omni/segment/v1/LifecycleSettings';
import type { Recompute as _omni_segment_v1_Recompute, Recompute__Output as _omni_segment_v1_Recompute__Output } from '../../../omni/segment/v1/Recompute';

export interface UpdateLifecycleSettingsResponse {
  'settings'?: (_omni_segment_v1_LifecycleSettings | null);
  'recomputes'?: (_omni_segment_v1_Recompute)[];
}

export interface UpdateLifecycleSettingsResponse__Output {
  'settings': (_omni_segment_v1_LifecycleSettings__Output | null);
  'recomputes': (_omni_segment_v1_Recompute__Output)[];
}
