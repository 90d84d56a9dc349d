// Original file: omni/journey/v1/journey.proto

export const ReentryPolicy = {
  REENTRY_POLICY_UNSPECIFIED: 'REENTRY_POLICY_UNSPECIFIED',
  REENTRY_POLICY_ONCE: 'REENTRY_POLICY_ONCE',
  REENTRY_POLICY_ONCE_PER_PERIOD: 'REENTRY_POLICY_ONCE_PER_PERIOD',
  REENTRY_POLICY_ALWAYS: 'REENTRY_POLICY_ALWAYS',
} as const;

export type ReentryPolicy =
  | 'REENTRY_POLICY_UNSPECIFIED'
  | 0
  | 'REENTRY_POLICY_ONCE'
  | 1
  | 'REENTRY_POLICY_ONCE_PER_PERIOD'
  | 2
  | 'REENTRY_POLICY_ALWAYS'
  | 3

export type ReentryPolicy__Output = typeof ReentryPolicy[keyof typeof ReentryPolicy]
