// Original file: omni/journey/v1/journey.proto

export const RunState = {
  RUN_STATE_UNSPECIFIED: 'RUN_STATE_UNSPECIFIED',
  RUN_STATE_ACTIVE: 'RUN_STATE_ACTIVE',
  RUN_STATE_WAITING: 'RUN_STATE_WAITING',
  RUN_STATE_COMPLETED: 'RUN_STATE_COMPLETED',
  RUN_STATE_FAILED: 'RUN_STATE_FAILED',
  RUN_STATE_CONVERTED: 'RUN_STATE_CONVERTED',
  RUN_STATE_EXITED: 'RUN_STATE_EXITED',
} as const;

export type RunState =
  | 'RUN_STATE_UNSPECIFIED'
  | 0
  | 'RUN_STATE_ACTIVE'
  | 1
  | 'RUN_STATE_WAITING'
  | 2
  | 'RUN_STATE_COMPLETED'
  | 3
  | 'RUN_STATE_FAILED'
  | 4
  | 'RUN_STATE_CONVERTED'
  | 5
  | 'RUN_STATE_EXITED'
  | 6

export type RunState__Output = typeof RunState[keyof typeof RunState]
