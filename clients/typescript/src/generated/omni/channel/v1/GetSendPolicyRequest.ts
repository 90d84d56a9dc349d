// Original file: omni/channel/v1/channel.proto


export interface GetSendPolicyRequest {
}

export interface GetSendPolicyRequest__Output {
}
