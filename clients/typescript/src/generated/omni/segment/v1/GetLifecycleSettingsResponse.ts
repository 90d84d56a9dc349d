// Original file: omni/segment/v1/segment.proto

import type { LifecycleSettings as _omni_segment_v1_LifecycleSettings, LifecycleSettings__Output as _omni_segment_v1_LifecycleSettings__Output } from '../../../omni/segment/v1/LifecycleSettings';

export interface GetLifecycleSettingsResponse {
  'settings'?: (_omni_segment_v1_LifecycleSettings | null);
}

export interface GetLifecycleSettingsResponse__Output {
  'settings': (_omni_segment_v1_LifecycleSettings__Output | null);
}
