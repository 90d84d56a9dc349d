// Original file: omni/journey/v1/journey.proto

import type { EntryNode as _omni_journey_v1_EntryNode, EntryNode__Output as _omni_journey_v1_EntryNode__Output } from '../../../omni/journey/v1/EntryNode';
import type { WaitNode as _omni_journey_v1_WaitNode, WaitNode__Output as _omni_journey_v1_WaitNode__Output } from '../../../omni/journey/v1/WaitNode';
import type { DecideNode as _omni_journey_v1_DecideNode, DecideNode__Output as _omni_journey_v1_DecideNode__Output } from '../../../omni/journey/v1/DecideNode';
import type { SendNode as _omni_journey_v1_SendNode, SendNode__Output as _omni_journey_v1_SendNode__Output } from '../../../omni/journey/v1/SendNode';

export interface Node {
  'nodeId'?: (string);
  'nextNodeId'?: (string);
  'entry'?: (_omni_journey_v1_EntryNode | null);
  'wait'?: (_omni_journey_v1_WaitNode | null);
  'decide'?: (_omni_journey_v1_DecideNode | null);
  'send'?: (_omni_journey_v1_SendNode | null);
  'kind'?: "entry"|"wait"|"decide"|"send";
}

export interface Node__Output {
  'nodeId': (string);
  'nextNodeId': (string);
  'entry'?: (_omni_journey_v1_EntryNode__Output | null);
  'wait'?: (_omni_journey_v1_WaitNode__Output | null);
  'decide'?: (_omni_journey_v1_DecideNode__Output | null);
  'send'?: (_omni_journey_v1_SendNode__Output | null);
  'kind'?: "entry"|"wait"|"decide"|"send";
}
