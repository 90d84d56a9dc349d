// Original file: omni/journey/v1/journey.proto

import type { Long } from '@grpc/proto-loader';

export interface JourneyDiff {
  'baseVersion'?: (number | string | Long);
  'nodesAdded'?: (string)[];
  'nodesRemoved'?: (string)[];
  'nodesChanged'?: (string)[];
  'settingsChanged'?: (string)[];
}

export interface JourneyDiff__Output {
  'baseVersion': (string);
  'nodesAdded': (string)[];
  'nodesRemoved': (string)[];
  'nodesChanged': (string)[];
  'settingsChanged': (string)[];
}
