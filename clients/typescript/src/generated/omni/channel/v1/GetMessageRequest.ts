// Original file: omni/channel/v1/channel.proto


export interface GetMessageRequest {
  'messageId'?: (string);
}

export interface GetMessageRequest__Output {
  'messageId': (string);
}
