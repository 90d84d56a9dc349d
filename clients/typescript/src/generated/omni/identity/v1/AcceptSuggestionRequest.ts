// Original file: omni/identity/v1/identity.proto


export interface AcceptSuggestionRequest {
  'suggestionId'?: (string);
  'reason'?: (string);
}

export interface AcceptSuggestionRequest__Output {
  'suggestionId': (string);
  'reason': (string);
}
