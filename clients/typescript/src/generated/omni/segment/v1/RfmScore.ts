// Original file: omni/segment/v1/segment.proto


export interface RfmScore {
  'recency'?: (number);
  'frequency'?: (number);
  'monetary'?: (number);
}

export interface RfmScore__Output {
  'recency': (number);
  'frequency': (number);
  'monetary': (number);
}
