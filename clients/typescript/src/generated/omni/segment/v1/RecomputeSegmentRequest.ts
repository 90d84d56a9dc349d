// Original file: omni/segment/v1/segment.proto


export interface RecomputeSegmentRequest {
  'segmentId'?: (string);
}

export interface RecomputeSegmentRequest__Output {
  'segmentId': (string);
}
