// Original file: omni/journey/v1/journey.proto


export interface WebhookNode {
  'url'?: (string);
  'secret'?: (string);
}

export interface WebhookNode__Output {
  'url': (string);
  'secret': (string);
}
