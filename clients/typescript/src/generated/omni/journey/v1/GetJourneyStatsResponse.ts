// Original file: omni/journey/v1/journey.proto

import type { NodeStats as _omni_journey_v1_NodeStats, NodeStats__Output as _omni_journey_v1_NodeStats__Output } from '../../../omni/journey/v1/NodeStats';
import type { BranchStats as _omni_journey_v1_BranchStats, BranchStats__Output as _omni_journey_v1_BranchStats__Output } from '../../../omni/journey/v1/BranchStats';
import type { Long } from '@grpc/proto-loader';

export interface GetJourneyStatsResponse {
  'nodes'?: (_omni_journey_v1_NodeStats)[];
  'branches'?: (_omni_journey_v1_BranchStats)[];
  'runs'?: (number | string | Long);
  'conversions'?: (number | string | Long);
  'conversionRate'?: (number | string);
}

export interface GetJourneyStatsResponse__Output {
  'nodes': (_omni_journey_v1_NodeStats__Output)[];
  'branches': (_omni_journey_v1_BranchStats__Output)[];
  'runs': (string);
  'conversions': (string);
  'conversionRate': (number);
}
