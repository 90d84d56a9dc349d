// Original file: omni/insights/v1/insights.proto

export const ReportKind = {
  REPORT_KIND_UNSPECIFIED: 'REPORT_KIND_UNSPECIFIED',
  REPORT_KIND_KPIS: 'REPORT_KIND_KPIS',
  REPORT_KIND_ATTRIBUTION: 'REPORT_KIND_ATTRIBUTION',
} as const;

export type ReportKind =
  | 'REPORT_KIND_UNSPECIFIED'
  | 0
  | 'REPORT_KIND_KPIS'
  | 1
  | 'REPORT_KIND_ATTRIBUTION'
  | 2

export type ReportKind__Output = typeof ReportKind[keyof typeof ReportKind]
