// Original file: omni/channel/v1/channel.proto


export interface GetTemplateRequest {
  'templateId'?: (string);
}

export interface GetTemplateRequest__Output {
  'templateId': (string);
}
