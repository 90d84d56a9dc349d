// Original file: omni/journey/v1/journey.proto


export interface GetJourneyReviewSettingsRequest {
}

export interface GetJourneyReviewSettingsRequest__Output {
}
