// Original file: omni/insights/v1/insights.proto


export interface SetChannelCostRequest {
  'channel'?: (string);
  'costPerMessage'?: (number | string);
}

export interface SetChannelCostRequest__Output {
  'channel': (string);
  'costPerMessage': (number);
}
