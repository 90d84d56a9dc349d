// Original file: omni/decisioning/v1/decisioning.proto


export interface RecordOutcomeResponse {
  'duplicate'?: (boolean);
}

export interface RecordOutcomeResponse__Output {
  'duplicate': (boolean);
}
