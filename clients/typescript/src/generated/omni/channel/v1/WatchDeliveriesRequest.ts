// Original file: omni/channel/v1/channel.proto


export interface WatchDeliveriesRequest {
  'customerId'?: (string);
  'messageId'?: (string);
  'afterEventId'?: (string);
  'includeHistory'?: (boolean);
}

export interface WatchDeliveriesRequest__Output {
  'customerId': (string);
  'messageId': (string);
  'afterEventId': (string);
  'includeHistory': (boolean);
}
