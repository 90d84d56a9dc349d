// Original file: omni/journey/v1/journey.proto


export interface EventCriterion {
  'eventType'?: (string);
  'filter'?: (string);
}

export interface EventCriterion__Output {
  'eventType': (string);
  'filter': (string);
}
