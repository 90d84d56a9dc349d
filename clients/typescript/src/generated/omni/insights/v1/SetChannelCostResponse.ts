// Original file: omni/insights/v1/insights.proto


export interface SetChannelCostResponse {
  'channel'?: (string);
  'costPerMessage'?: (number | string);
}

export interface SetChannelCostResponse__Output {
  'channel': (string);
  'costPerMessage': (number);
}
