// Original file: omni/channel/v1/channel.proto


export interface SmsPrice {
  'prefix'?: (string);
  'price'?: (number | string);
}

export interface SmsPrice__Output {
  'prefix': (string);
  'price': (number);
}
