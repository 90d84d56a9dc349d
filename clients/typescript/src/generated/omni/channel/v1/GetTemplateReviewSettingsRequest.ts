// Original file: omni/channel/v1/channel.proto


export interface GetTemplateReviewSettingsRequest {
}

export interface GetTemplateReviewSettingsRequest__Output {
}
