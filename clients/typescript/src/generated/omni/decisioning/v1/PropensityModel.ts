// Original file: omni/decisioning/v1/decisioning.proto

export const PropensityModel = {
  PROPENSITY_MODEL_UNSPECIFIED: 'PROPENSITY_MODEL_UNSPECIFIED',
  PROPENSITY_MODEL_THOMPSON_SAMPLING: 'PROPENSITY_MODEL_THOMPSON_SAMPLING',
} as const;

export type PropensityModel =
  | 'PROPENSITY_MODEL_UNSPECIFIED'
  | 0
  | 'PROPENSITY_MODEL_THOMPSON_SAMPLING'
  | 1

export type PropensityModel__Output = typeof PropensityModel[keyof typeof PropensityModel]
