// Original file: omni/insights/v1/insights.proto


export interface SetCampaignSpendResponse {
  'campaign'?: (string);
  'day'?: (string);
  'amount'?: (number | string);
}

export interface SetCampaignSpendResponse__Output {
  'campaign': (string);
  'day': (string);
  'amount': (number);
}
