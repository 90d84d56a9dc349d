// Original file: omni/journey/v1/journey.proto


export interface ListRunsRequest {
  'journeyId'?: (string);
  'customerId'?: (string);
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListRunsRequest__Output {
  'journeyId': (string);
  'customerId': (string);
  'pageSize': (number);
  'pageToken': (string);
}
