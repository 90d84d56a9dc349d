// Original file: omni/insights/v1/insights.proto


export interface KpiFilter {
  'journeyId'?: (string);
  'nodeId'?: (string);
  'channel'?: (string);
  'templateId'?: (string);
  'offerId'?: (string);
  'segmentId'?: (string);
  'campaign'?: (string);
}

export interface KpiFilter__Output {
  'journeyId': (string);
  'nodeId': (string);
  'channel': (string);
  'templateId': (string);
  'offerId': (string);
  'segmentId': (string);
  'campaign': (string);
}
