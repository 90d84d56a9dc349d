// Original file: omni/segment/v1/segment.proto


export interface ListSegmentVersionsRequest {
  'segmentId'?: (string);
}

export interface ListSegmentVersionsRequest__Output {
  'segmentId': (string);
}
