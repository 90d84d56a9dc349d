// Original file: omni/insights/v1/insights.proto

export const FunnelBreakdown = {
  FUNNEL_BREAKDOWN_UNSPECIFIED: 'FUNNEL_BREAKDOWN_UNSPECIFIED',
  FUNNEL_BREAKDOWN_CHANNEL: 'FUNNEL_BREAKDOWN_CHANNEL',
  FUNNEL_BREAKDOWN_SEGMENT: 'FUNNEL_BREAKDOWN_SEGMENT',
} as const;

export type FunnelBreakdown =
  | 'FUNNEL_BREAKDOWN_UNSPECIFIED'
  | 0
  | 'FUNNEL_BREAKDOWN_CHANNEL'
  | 1
  | 'FUNNEL_BREAKDOWN_SEGMENT'
  | 2

export type FunnelBreakdown__Output = typeof FunnelBreakdown[keyof typeof FunnelBreakdown]
