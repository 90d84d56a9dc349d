// Original file: omni/segment/v1/segment.proto


export interface ListComputedTraitsRequest {
}

export interface ListComputedTraitsRequest__Output {
}
