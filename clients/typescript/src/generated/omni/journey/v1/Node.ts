// Original file: omni/journey/v1/journey.proto

import type { EntryNode as _omni_journey_v1_EntryNode, EntryNode__Output as _omni_journey_v1_EntryNode__Output } from '../../../omni/journey/v1/EntryNode';
import type { WaitNode as _omni_journey_v1_WaitNode, WaitNode__Output as _omni_journey_v1_WaitNode__Output } from '../../../omni/journey/v1/WaitNode';
import type { DecideNode as _omni_journey_v1_DecideNode, DecideNode__Output as _omni_journey_v1_DecideNode__Output } from '../../../omni/journey/v1/DecideNode';
import type { SendNode as _omni_journey_v1_SendNode, SendNode__Output as _omni_journey_v1_SendNode__Output } from '../../../omni/journey/v1/SendNode';
import type { ConditionNode as _omni_journey_v1_ConditionNode, ConditionNode__Output as _omni_journey_v1_ConditionNode__Output } from '../../../omni/journey/v1/ConditionNode';
import type { SplitNode as _omni_journey_v1_SplitNode, SplitNode__Output as _omni_journey_v1_SplitNode__Output } from '../../../omni/journey/v1/SplitNode';
import type { WaitUntilNode as _omni_journey_v1_WaitUntilNode, WaitUntilNode__Output as _omni_journey_v1_WaitUntilNode__Output } from '../../../omni/journey/v1/WaitUntilNode';
import type { WaitForEventNode as _omni_journey_v1_WaitForEventNode, WaitForEventNode__Output as _omni_journey_v1_WaitForEventNode__Output } from '../../../omni/journey/v1/WaitForEventNode';
import type { GoalNode as _omni_journey_v1_GoalNode, GoalNode__Output as _omni_journey_v1_GoalNode__Output } from '../../../omni/journey/v1/GoalNode';
import type { ExitNode as _omni_journey_v1_ExitNode, ExitNode__Output as _omni_journey_v1_ExitNode__Output } from '../../../omni/journey/v1/ExitNode';
import type { UpdateProfileNode as _omni_journey_v1_UpdateProfileNode, UpdateProfileNode__Output as _omni_journey_v1_UpdateProfileNode__Output } from '../../../omni/journey/v1/UpdateProfileNode';
import type { WebhookNode as _omni_journey_v1_WebhookNode, WebhookNode__Output as _omni_journey_v1_WebhookNode__Output } from '../../../omni/journey/v1/WebhookNode';

export interface Node {
  'nodeId'?: (string);
  'nextNodeId'?: (string);
  'entry'?: (_omni_journey_v1_EntryNode | null);
  'wait'?: (_omni_journey_v1_WaitNode | null);
  'decide'?: (_omni_journey_v1_DecideNode | null);
  'send'?: (_omni_journey_v1_SendNode | null);
  'condition'?: (_omni_journey_v1_ConditionNode | null);
  'split'?: (_omni_journey_v1_SplitNode | null);
  'waitUntil'?: (_omni_journey_v1_WaitUntilNode | null);
  'waitForEvent'?: (_omni_journey_v1_WaitForEventNode | null);
  'goal'?: (_omni_journey_v1_GoalNode | null);
  'exit'?: (_omni_journey_v1_ExitNode | null);
  'updateProfile'?: (_omni_journey_v1_UpdateProfileNode | null);
  'webhook'?: (_omni_journey_v1_WebhookNode | null);
  'kind'?: "entry"|"wait"|"decide"|"send"|"condition"|"split"|"waitUntil"|"waitForEvent"|"goal"|"exit"|"updateProfile"|"webhook";
}

export interface Node__Output {
  'nodeId': (string);
  'nextNodeId': (string);
  'entry'?: (_omni_journey_v1_EntryNode__Output | null);
  'wait'?: (_omni_journey_v1_WaitNode__Output | null);
  'decide'?: (_omni_journey_v1_DecideNode__Output | null);
  'send'?: (_omni_journey_v1_SendNode__Output | null);
  'condition'?: (_omni_journey_v1_ConditionNode__Output | null);
  'split'?: (_omni_journey_v1_SplitNode__Output | null);
  'waitUntil'?: (_omni_journey_v1_WaitUntilNode__Output | null);
  'waitForEvent'?: (_omni_journey_v1_WaitForEventNode__Output | null);
  'goal'?: (_omni_journey_v1_GoalNode__Output | null);
  'exit'?: (_omni_journey_v1_ExitNode__Output | null);
  'updateProfile'?: (_omni_journey_v1_UpdateProfileNode__Output | null);
  'webhook'?: (_omni_journey_v1_WebhookNode__Output | null);
  'kind'?: "entry"|"wait"|"decide"|"send"|"condition"|"split"|"waitUntil"|"waitForEvent"|"goal"|"exit"|"updateProfile"|"webhook";
}
