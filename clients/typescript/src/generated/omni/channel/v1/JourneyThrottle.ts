// Original file: omni/channel/v1/channel.proto


export interface JourneyThrottle {
  'journeyId'?: (string);
  'messagesPerMinute'?: (number);
}

export interface JourneyThrottle__Output {
  'journeyId': (string);
  'messagesPerMinute': (number);
}
