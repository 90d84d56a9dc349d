// Original file: omni/insights/v1/insights.proto

export const ValueGrouping = {
  VALUE_GROUPING_UNSPECIFIED: 'VALUE_GROUPING_UNSPECIFIED',
  VALUE_GROUPING_COHORT: 'VALUE_GROUPING_COHORT',
  VALUE_GROUPING_SEGMENT: 'VALUE_GROUPING_SEGMENT',
} as const;

export type ValueGrouping =
  | 'VALUE_GROUPING_UNSPECIFIED'
  | 0
  | 'VALUE_GROUPING_COHORT'
  | 1
  | 'VALUE_GROUPING_SEGMENT'
  | 2

export type ValueGrouping__Output = typeof ValueGrouping[keyof typeof ValueGrouping]
