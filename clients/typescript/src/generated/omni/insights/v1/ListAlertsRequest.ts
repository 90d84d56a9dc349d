// Original file: omni/insights/v1/insights.proto


export interface ListAlertsRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  'kpi'?: (string);
}

export interface ListAlertsRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  'kpi': (string);
}
