// Original file: omni/journey/v1/journey.proto


export interface ValidationProblem {
  'nodeId'?: (string);
  'field'?: (string);
  'message'?: (string);
  'line'?: (number);
  'column'?: (number);
}

export interface ValidationProblem__Output {
  'nodeId': (string);
  'field': (string);
  'message': (string);
  'line': (number);
  'column': (number);
}
