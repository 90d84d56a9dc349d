// Original file: omni/channel/v1/channel.proto

export const CapWindow = {
  CAP_WINDOW_UNSPECIFIED: 'CAP_WINDOW_UNSPECIFIED',
  CAP_WINDOW_DAY: 'CAP_WINDOW_DAY',
  CAP_WINDOW_WEEK: 'CAP_WINDOW_WEEK',
} as const;

export type CapWindow =
  | 'CAP_WINDOW_UNSPECIFIED'
  | 0
  | 'CAP_WINDOW_DAY'
  | 1
  | 'CAP_WINDOW_WEEK'
  | 2

export type CapWindow__Output = typeof CapWindow[keyof typeof CapWindow]
