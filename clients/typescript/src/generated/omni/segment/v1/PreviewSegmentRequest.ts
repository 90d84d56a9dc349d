// Original file: omni/segment/v1/segment.proto


export interface PreviewSegmentRequest {
  'expression'?: (string);
  'sampleSize'?: (number);
}

export interface PreviewSegmentRequest__Output {
  'expression': (string);
  'sampleSize': (number);
}
