// Original file: omni/insights/v1/insights.proto


export interface Uplift {
  'absolute'?: (number | string);
  'absoluteLower'?: (number | string);
  'absoluteUpper'?: (number | string);
  'relative'?: (number | string);
  'relativeLower'?: (number | string);
  'relativeUpper'?: (number | string);
  'significant'?: (boolean);
}

export interface Uplift__Output {
  'absolute': (number);
  'absoluteLower': (number);
  'absoluteUpper': (number);
  'relative': (number);
  'relativeLower': (number);
  'relativeUpper': (number);
  'significant': (boolean);
}
