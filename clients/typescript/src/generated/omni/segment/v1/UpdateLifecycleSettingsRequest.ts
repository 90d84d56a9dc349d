// Original file: omni/segment/v1/segment.proto

import type { LifecycleSettings as _omni_segment_v1_LifecycleSettings, LifecycleSettings__Output as _omni_segment_v1_LifecycleSettings__Output } from '../../../omni/segment/v1/LifecycleSettings';
import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from '../../../google/protobuf/FieldMask';

export interface UpdateLifecycleSettingsRequest {
  'settings'?: (_omni_segment_v1_LifecycleSettings | null);
  'updateMask'?: (_google_protobuf_FieldMask | null);
}

export interface UpdateLifecycleSettingsRequest__Output {
  'settings': (_omni_segment_v1_LifecycleSettings__Output | null);
  'updateMask': (_google_protobuf_FieldMask__Output | null);
}
