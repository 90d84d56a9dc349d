// Original file: omni/channel/v1/channel.proto

import type { DeliveryChannel as _omni_common_v1_DeliveryChannel, DeliveryChannel__Output as _omni_common_v1_DeliveryChannel__Output } from '../../../omni/common/v1/DeliveryChannel';
import type { SmsEncoding as _omni_channel_v1_SmsEncoding, SmsEncoding__Output as _omni_channel_v1_SmsEncoding__Output } from '../../../omni/channel/v1/SmsEncoding';

export interface PreviewTemplateResponse {
  'channel'?: (_omni_common_v1_DeliveryChannel);
  'locale'?: (string);
  'subject'?: (string);
  'body'?: (string);
  'htmlBody'?: (string);
  'smsEncoding'?: (_omni_channel_v1_SmsEncoding);
  'smsSegments'?: (number);
}

export interface PreviewTemplateResponse__Output {
  'channel': (_omni_common_v1_DeliveryChannel__Output);
  'locale': (string);
  'subject': (string);
  'body': (string);
  'htmlBody': (string);
  'smsEncoding': (_omni_channel_v1_SmsEncoding__Output);
  'smsSegments': (number);
}
