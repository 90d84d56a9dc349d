// Original file: omni/segment/v1/segment.proto


export interface ListSegmentsRequest {
}

export interface ListSegmentsRequest__Output {
}
