// Original file: omni/channel/v1/channel.proto


export interface DeleteSuppressionResponse {
}

export interface DeleteSuppressionResponse__Output {
}
