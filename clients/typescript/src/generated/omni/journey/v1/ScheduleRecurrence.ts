// Original file: omni/journey/v1/journey.proto

export const ScheduleRecurrence = {
  SCHEDULE_RECURRENCE_UNSPECIFIED: 'SCHEDULE_RECURRENCE_UNSPECIFIED',
  SCHEDULE_RECURRENCE_ONCE: 'SCHEDULE_RECURRENCE_ONCE',
  SCHEDULE_RECURRENCE_DAILY: 'SCHEDULE_RECURRENCE_DAILY',
  SCHEDULE_RECURRENCE_WEEKLY: 'SCHEDULE_RECURRENCE_WEEKLY',
} as const;

export type ScheduleRecurrence =
  | 'SCHEDULE_RECURRENCE_UNSPECIFIED'
  | 0
  | 'SCHEDULE_RECURRENCE_ONCE'
  | 1
  | 'SCHEDULE_RECURRENCE_DAILY'
  | 2
  | 'SCHEDULE_RECURRENCE_WEEKLY'
  | 3

export type ScheduleRecurrence__Output = typeof ScheduleRecurrence[keyof typeof ScheduleRecurrence]
