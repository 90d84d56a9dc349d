// Original file: omni/decisioning/v1/decisioning.proto

import type { Long } from '@grpc/proto-loader';

export interface ArmResult {
  'armId'?: (string);
  'exposures'?: (number | string | Long);
  'conversions'?: (number | string | Long);
  'conversionRate'?: (number | string);
  'control'?: (boolean);
  'uplift'?: (number | string);
  'upliftCiLow'?: (number | string);
  'upliftCiHigh'?: (number | string);
  'relativeUplift'?: (number | string);
  'pValue'?: (number | string);
  'probabilityBest'?: (number | string);
}

export interface ArmResult__Output {
  'armId': (string);
  'exposures': (string);
  'conversions': (string);
  'conversionRate': (number);
  'control': (boolean);
  'uplift': (number);
  'upliftCiLow': (number);
  'upliftCiHigh': (number);
  'relativeUplift': (number);
  'pValue': (number);
  'probabilityBest': (number);
}
