// Original file: omni/segment/v1/segment.proto


export interface GetLifecycleSettingsRequest {
}

export interface GetLifecycleSettingsRequest__Output {
}
