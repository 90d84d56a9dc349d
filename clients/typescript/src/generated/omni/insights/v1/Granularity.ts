// Original file: omni/insights/v1/insights.proto

export const Granularity = {
  GRANULARITY_UNSPECIFIED: 'GRANULARITY_UNSPECIFIED',
  GRANULARITY_HOUR: 'GRANULARITY_HOUR',
  GRANULARITY_DAY: 'GRANULARITY_DAY',
} as const;

export type Granularity =
  | 'GRANULARITY_UNSPECIFIED'
  | 0
  | 'GRANULARITY_HOUR'
  | 1
  | 'GRANULARITY_DAY'
  | 2

export type Granularity__Output = typeof Granularity[keyof typeof Granularity]
