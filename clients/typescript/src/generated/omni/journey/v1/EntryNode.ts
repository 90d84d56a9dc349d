// Original file: omni/journey/v1/journey.proto


export interface EntryNode {
  'eventType'?: (string);
}

export interface EntryNode__Output {
  'eventType': (string);
}
