// Original file: omni/channel/v1/channel.proto


export interface QuietHours {
  'enabled'?: (boolean);
  'startMinute'?: (number);
  'endMinute'?: (number);
  'defaultTimeZone'?: (string);
  'includeTransactional'?: (boolean);
}

export interface QuietHours__Output {
  'enabled': (boolean);
  'startMinute': (number);
  'endMinute': (number);
  'defaultTimeZone': (string);
  'includeTransactional': (boolean);
}
