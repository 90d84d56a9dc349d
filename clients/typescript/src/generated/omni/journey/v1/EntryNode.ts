// Original file: omni/journey/v1/journey.proto


export interface EntryNode {
  'eventType'?: (string);
  'filter'?: (string);
  'segmentId'?: (string);
}

export interface EntryNode__Output {
  'eventType': (string);
  'filter': (string);
  'segmentId': (string);
}
