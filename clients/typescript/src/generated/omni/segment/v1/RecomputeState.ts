// Original file: omni/segment/v1/segment.proto

export const RecomputeState = {
  RECOMPUTE_STATE_UNSPECIFIED: 'RECOMPUTE_STATE_UNSPECIFIED',
  RECOMPUTE_STATE_RUNNING: 'RECOMPUTE_STATE_RUNNING',
  RECOMPUTE_STATE_SUCCEEDED: 'RECOMPUTE_STATE_SUCCEEDED',
  RECOMPUTE_STATE_FAILED: 'RECOMPUTE_STATE_FAILED',
} as const;

export type RecomputeState =
  | 'RECOMPUTE_STATE_UNSPECIFIED'
  | 0
  | 'RECOMPUTE_STATE_RUNNING'
  | 1
  | 'RECOMPUTE_STATE_SUCCEEDED'
  | 2
  | 'RECOMPUTE_STATE_FAILED'
  | 3

export type RecomputeState__Output = typeof RecomputeState[keyof typeof RecomputeState]
