// Original file: omni/insights/v1/insights.proto


export interface SetCampaignSpendRequest {
  'campaign'?: (string);
  'day'?: (string);
  'amount'?: (number | string);
}

export interface SetCampaignSpendRequest__Output {
  'campaign': (string);
  'day': (string);
  'amount': (number);
}
