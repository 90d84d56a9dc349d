// Original file: omni/insights/v1/insights.proto


export interface ExportReportResponse {
  'row'?: (string);
}

export interface ExportReportResponse__Output {
  'row': (string);
}
