// Original file: omni/segment/v1/segment.proto


export interface WatchMembershipRequest {
  'segmentId'?: (string);
  'customerId'?: (string);
  'afterCursor'?: (string);
}

export interface WatchMembershipRequest__Output {
  'segmentId': (string);
  'customerId': (string);
  'afterCursor': (string);
}
