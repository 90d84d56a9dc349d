// Original file: omni/segment/v1/segment.proto


export interface GetSegmentSizeHistoryRequest {
  'segmentId'?: (string);
  'days'?: (number);
}

export interface GetSegmentSizeHistoryRequest__Output {
  'segmentId': (string);
  'days': (number);
}
