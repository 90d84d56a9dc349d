// Original file: omni/segment/v1/segment.proto


export interface GetRfmModelRequest {
}

export interface GetRfmModelRequest__Output {
}
