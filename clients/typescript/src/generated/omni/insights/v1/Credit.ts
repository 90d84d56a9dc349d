// Original file: omni/insights/v1/insights.proto


export interface Credit {
  'conversions'?: (number | string);
  'revenue'?: (number | string);
}

export interface Credit__Output {
  'conversions': (number);
  'revenue': (number);
}
