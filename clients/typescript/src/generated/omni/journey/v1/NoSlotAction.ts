// Original file: omni/journey/v1/journey.proto

export const NoSlotAction = {
  NO_SLOT_ACTION_UNSPECIFIED: 'NO_SLOT_ACTION_UNSPECIFIED',
  NO_SLOT_ACTION_DEFER: 'NO_SLOT_ACTION_DEFER',
  NO_SLOT_ACTION_SKIP: 'NO_SLOT_ACTION_SKIP',
} as const;

export type NoSlotAction =
  | 'NO_SLOT_ACTION_UNSPECIFIED'
  | 0
  | 'NO_SLOT_ACTION_DEFER'
  | 1
  | 'NO_SLOT_ACTION_SKIP'
  | 2

export type NoSlotAction__Output = typeof NoSlotAction[keyof typeof NoSlotAction]
