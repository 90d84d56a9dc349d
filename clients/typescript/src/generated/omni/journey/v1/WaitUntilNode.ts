// Original file: omni/journey/v1/journey.proto


export interface WaitUntilNode {
  'hour'?: (number);
  'minute'?: (number);
  'weekdays'?: (number)[];
}

export interface WaitUntilNode__Output {
  'hour': (number);
  'minute': (number);
  'weekdays': (number)[];
}
