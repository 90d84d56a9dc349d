// Original file: omni/journey/v1/journey.proto

export const JourneyState = {
  JOURNEY_STATE_UNSPECIFIED: 'JOURNEY_STATE_UNSPECIFIED',
  JOURNEY_STATE_DRAFT: 'JOURNEY_STATE_DRAFT',
  JOURNEY_STATE_PUBLISHED: 'JOURNEY_STATE_PUBLISHED',
  JOURNEY_STATE_PAUSED: 'JOURNEY_STATE_PAUSED',
  JOURNEY_STATE_STOPPED: 'JOURNEY_STATE_STOPPED',
} as const;

export type JourneyState =
  | 'JOURNEY_STATE_UNSPECIFIED'
  | 0
  | 'JOURNEY_STATE_DRAFT'
  | 1
  | 'JOURNEY_STATE_PUBLISHED'
  | 2
  | 'JOURNEY_STATE_PAUSED'
  | 3
  | 'JOURNEY_STATE_STOPPED'
  | 4

export type JourneyState__Output = typeof JourneyState[keyof typeof JourneyState]
