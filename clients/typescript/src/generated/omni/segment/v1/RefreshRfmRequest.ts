// Original file: omni/segment/v1/segment.proto


export interface RefreshRfmRequest {
}

export interface RefreshRfmRequest__Output {
}
