// Original file: omni/segment/v1/segment.proto


export interface ListMembersRequest {
  'segmentId'?: (string);
  'batchSize'?: (number);
}

export interface ListMembersRequest__Output {
  'segmentId': (string);
  'batchSize': (number);
}
