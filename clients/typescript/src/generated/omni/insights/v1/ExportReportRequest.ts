// Original file: omni/insights/v1/insights.proto

import type { ReportKind as _omni_insights_v1_ReportKind, ReportKind__Output as _omni_insights_v1_ReportKind__Output } from '../../../omni/insights/v1/ReportKind';
import type { GetKpisRequest as _omni_insights_v1_GetKpisRequest, GetKpisRequest__Output as _omni_insights_v1_GetKpisRequest__Output } from '../../../omni/insights/v1/GetKpisRequest';
import type { GetAttributionRequest as _omni_insights_v1_GetAttributionRequest, GetAttributionRequest__Output as _omni_insights_v1_GetAttributionRequest__Output } from '../../../omni/insights/v1/GetAttributionRequest';

export interface ExportReportRequest {
  'kind'?: (_omni_insights_v1_ReportKind);
  'kpis'?: (_omni_insights_v1_GetKpisRequest | null);
  'attribution'?: (_omni_insights_v1_GetAttributionRequest | null);
}

export interface ExportReportRequest__Output {
  'kind': (_omni_insights_v1_ReportKind__Output);
  'kpis': (_omni_insights_v1_GetKpisRequest__Output | null);
  'attribution': (_omni_insights_v1_GetAttributionRequest__Output | null);
}
