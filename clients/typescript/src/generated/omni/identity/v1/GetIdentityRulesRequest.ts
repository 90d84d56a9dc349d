// Original file: omni/identity/v1/identity.proto


export interface GetIdentityRulesRequest {
}

export interface GetIdentityRulesRequest__Output {
}
