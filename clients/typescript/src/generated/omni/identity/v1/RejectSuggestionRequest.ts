// Original file: omni/identity/v1/identity.proto


export interface RejectSuggestionRequest {
  'suggestionId'?: (string);
  'reason'?: (string);
}

export interface RejectSuggestionRequest__Output {
  'suggestionId': (string);
  'reason': (string);
}
