import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from './google/protobuf/Duration';
import type { ListValue as _google_protobuf_ListValue, ListValue__Output as _google_protobuf_ListValue__Output } from './google/protobuf/ListValue';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from './google/protobuf/Struct';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from './google/protobuf/Value';
import type { Event as _omni_common_v1_Event, Event__Output as _omni_common_v1_Event__Output } from './omni/common/v1/Event';
import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from './omni/common/v1/Identifier';
import type { ApproveJourneyRequest as _omni_journey_v1_ApproveJourneyRequest, ApproveJourneyRequest__Output as _omni_journey_v1_ApproveJourneyRequest__Output } from './omni/journey/v1/ApproveJourneyRequest';
import type { ApproveJourneyResponse as _omni_journey_v1_ApproveJourneyResponse, ApproveJourneyResponse__Output as _omni_journey_v1_ApproveJourneyResponse__Output } from './omni/journey/v1/ApproveJourneyResponse';
import type { BestSendTimeWait as _omni_journey_v1_BestSendTimeWait, BestSendTimeWait__Output as _omni_journey_v1_BestSendTimeWait__Output } from './omni/journey/v1/BestSendTimeWait';
import type { BranchStats as _omni_journey_v1_BranchStats, BranchStats__Output as _omni_journey_v1_BranchStats__Output } from './omni/journey/v1/BranchStats';
import type { ConditionBranch as _omni_journey_v1_ConditionBranch, ConditionBranch__Output as _omni_journey_v1_ConditionBranch__Output } from './omni/journey/v1/ConditionBranch';
import type { ConditionNode as _omni_journey_v1_ConditionNode, ConditionNode__Output as _omni_journey_v1_ConditionNode__Output } from './omni/journey/v1/ConditionNode';
import type { CreateJourneyRequest as _omni_journey_v1_CreateJourneyRequest, CreateJourneyRequest__Output as _omni_journey_v1_CreateJourneyRequest__Output } from './omni/journey/v1/CreateJourneyRequest';
import type { CreateJourneyResponse as _omni_journey_v1_CreateJourneyResponse, CreateJourneyResponse__Output as _omni_journey_v1_CreateJourneyResponse__Output } from './omni/journey/v1/CreateJourneyResponse';
import type { DecideNode as _omni_journey_v1_DecideNode, DecideNode__Output as _omni_journey_v1_DecideNode__Output } from './omni/journey/v1/DecideNode';
import type { EnrollCustomerRequest as _omni_journey_v1_EnrollCustomerRequest, EnrollCustomerRequest__Output as _omni_journey_v1_EnrollCustomerRequest__Output } from './omni/journey/v1/EnrollCustomerRequest';
import type { EnrollCustomerResponse as _omni_journey_v1_EnrollCustomerResponse, EnrollCustomerResponse__Output as _omni_journey_v1_EnrollCustomerResponse__Output } from './omni/journey/v1/EnrollCustomerResponse';
import type { EntryNode as _omni_journey_v1_EntryNode, EntryNode__Output as _omni_journey_v1_EntryNode__Output } from './omni/journey/v1/EntryNode';
import type { EventCriterion as _omni_journey_v1_EventCriterion, EventCriterion__Output as _omni_journey_v1_EventCriterion__Output } from './omni/journey/v1/EventCriterion';
import type { ExitNode as _omni_journey_v1_ExitNode, ExitNode__Output as _omni_journey_v1_ExitNode__Output } from './omni/journey/v1/ExitNode';
import type { GetJourneyRequest as _omni_journey_v1_GetJourneyRequest, GetJourneyRequest__Output as _omni_journey_v1_GetJourneyRequest__Output } from './omni/journey/v1/GetJourneyRequest';
import type { GetJourneyResponse as _omni_journey_v1_GetJourneyResponse, GetJourneyResponse__Output as _omni_journey_v1_GetJourneyResponse__Output } from './omni/journey/v1/GetJourneyResponse';
import type { GetJourneyReviewRequest as _omni_journey_v1_GetJourneyReviewRequest, GetJourneyReviewRequest__Output as _omni_journey_v1_GetJourneyReviewRequest__Output } from './omni/journey/v1/GetJourneyReviewRequest';
import type { GetJourneyReviewResponse as _omni_journey_v1_GetJourneyReviewResponse, GetJourneyReviewResponse__Output as _omni_journey_v1_GetJourneyReviewResponse__Output } from './omni/journey/v1/GetJourneyReviewResponse';
import type { GetJourneyReviewSettingsRequest as _omni_journey_v1_GetJourneyReviewSettingsRequest, GetJourneyReviewSettingsRequest__Output as _omni_journey_v1_GetJourneyReviewSettingsRequest__Output } from './omni/journey/v1/GetJourneyReviewSettingsRequest';
import type { GetJourneyReviewSettingsResponse as _omni_journey_v1_GetJourneyReviewSettingsResponse, GetJourneyReviewSettingsResponse__Output as _omni_journey_v1_GetJourneyReviewSettingsResponse__Output } from './omni/journey/v1/GetJourneyReviewSettingsResponse';
import type { GetJourneyStatsRequest as _omni_journey_v1_GetJourneyStatsRequest, GetJourneyStatsRequest__Output as _omni_journey_v1_GetJourneyStatsRequest__Output } from './omni/journey/v1/GetJourneyStatsRequest';
import type { GetJourneyStatsResponse as _omni_journey_v1_GetJourneyStatsResponse, GetJourneyStatsResponse__Output as _omni_journey_v1_GetJourneyStatsResponse__Output } from './omni/journey/v1/GetJourneyStatsResponse';
import type { GetRunRequest as _omni_journey_v1_GetRunRequest, GetRunRequest__Output as _omni_journey_v1_GetRunRequest__Output } from './omni/journey/v1/GetRunRequest';
import type { GetRunResponse as _omni_journey_v1_GetRunResponse, GetRunResponse__Output as _omni_journey_v1_GetRunResponse__Output } from './omni/journey/v1/GetRunResponse';
import type { Goal as _omni_journey_v1_Goal, Goal__Output as _omni_journey_v1_Goal__Output } from './omni/journey/v1/Goal';
import type { GoalNode as _omni_journey_v1_GoalNode, GoalNode__Output as _omni_journey_v1_GoalNode__Output } from './omni/journey/v1/GoalNode';
import type { Journey as _omni_journey_v1_Journey, Journey__Output as _omni_journey_v1_Journey__Output } from './omni/journey/v1/Journey';
import type { JourneyDiff as _omni_journey_v1_JourneyDiff, JourneyDiff__Output as _omni_journey_v1_JourneyDiff__Output } from './omni/journey/v1/JourneyDiff';
import type { JourneyReviewEntry as _omni_journey_v1_JourneyReviewEntry, JourneyReviewEntry__Output as _omni_journey_v1_JourneyReviewEntry__Output } from './omni/journey/v1/JourneyReviewEntry';
import type { JourneyReviewSettings as _omni_journey_v1_JourneyReviewSettings, JourneyReviewSettings__Output as _omni_journey_v1_JourneyReviewSettings__Output } from './omni/journey/v1/JourneyReviewSettings';
import type { JourneyServiceClient as _omni_journey_v1_JourneyServiceClient, JourneyServiceDefinition as _omni_journey_v1_JourneyServiceDefinition } from './omni/journey/v1/JourneyService';
import type { JourneySettings as _omni_journey_v1_JourneySettings, JourneySettings__Output as _omni_journey_v1_JourneySettings__Output } from './omni/journey/v1/JourneySettings';
import type { ListJourneyReviewsRequest as _omni_journey_v1_ListJourneyReviewsRequest, ListJourneyReviewsRequest__Output as _omni_journey_v1_ListJourneyReviewsRequest__Output } from './omni/journey/v1/ListJourneyReviewsRequest';
import type { ListJourneyReviewsResponse as _omni_journey_v1_ListJourneyReviewsResponse, ListJourneyReviewsResponse__Output as _omni_journey_v1_ListJourneyReviewsResponse__Output } from './omni/journey/v1/ListJourneyReviewsResponse';
import type { ListRunsRequest as _omni_journey_v1_ListRunsRequest, ListRunsRequest__Output as _omni_journey_v1_ListRunsRequest__Output } from './omni/journey/v1/ListRunsRequest';
import type { ListRunsResponse as _omni_journey_v1_ListRunsResponse, ListRunsResponse__Output as _omni_journey_v1_ListRunsResponse__Output } from './omni/journey/v1/ListRunsResponse';
import type { Node as _omni_journey_v1_Node, Node__Output as _omni_journey_v1_Node__Output } from './omni/journey/v1/Node';
import type { NodeStats as _omni_journey_v1_NodeStats, NodeStats__Output as _omni_journey_v1_NodeStats__Output } from './omni/journey/v1/NodeStats';
import type { PauseJourneyRequest as _omni_journey_v1_PauseJourneyRequest, PauseJourneyRequest__Output as _omni_journey_v1_PauseJourneyRequest__Output } from './omni/journey/v1/PauseJourneyRequest';
import type { PauseJourneyResponse as _omni_journey_v1_PauseJourneyResponse, PauseJourneyResponse__Output as _omni_journey_v1_PauseJourneyResponse__Output } from './omni/journey/v1/PauseJourneyResponse';
import type { PublishJourneyRequest as _omni_journey_v1_PublishJourneyRequest, PublishJourneyRequest__Output as _omni_journey_v1_PublishJourneyRequest__Output } from './omni/journey/v1/PublishJourneyRequest';
import type { PublishJourneyResponse as _omni_journey_v1_PublishJourneyResponse, PublishJourneyResponse__Output as _omni_journey_v1_PublishJourneyResponse__Output } from './omni/journey/v1/PublishJourneyResponse';
import type { RejectJourneyRequest as _omni_journey_v1_RejectJourneyRequest, RejectJourneyRequest__Output as _omni_journey_v1_RejectJourneyRequest__Output } from './omni/journey/v1/RejectJourneyRequest';
import type { RejectJourneyResponse as _omni_journey_v1_RejectJourneyResponse, RejectJourneyResponse__Output as _omni_journey_v1_RejectJourneyResponse__Output } from './omni/journey/v1/RejectJourneyResponse';
import type { ResumeJourneyRequest as _omni_journey_v1_ResumeJourneyRequest, ResumeJourneyRequest__Output as _omni_journey_v1_ResumeJourneyRequest__Output } from './omni/journey/v1/ResumeJourneyRequest';
import type { ResumeJourneyResponse as _omni_journey_v1_ResumeJourneyResponse, ResumeJourneyResponse__Output as _omni_journey_v1_ResumeJourneyResponse__Output } from './omni/journey/v1/ResumeJourneyResponse';
import type { Run as _omni_journey_v1_Run, Run__Output as _omni_journey_v1_Run__Output } from './omni/journey/v1/Run';
import type { RunStep as _omni_journey_v1_RunStep, RunStep__Output as _omni_journey_v1_RunStep__Output } from './omni/journey/v1/RunStep';
import type { ScheduleEntry as _omni_journey_v1_ScheduleEntry, ScheduleEntry__Output as _omni_journey_v1_ScheduleEntry__Output } from './omni/journey/v1/ScheduleEntry';
import type { ScriptedEvent as _omni_journey_v1_ScriptedEvent, ScriptedEvent__Output as _omni_journey_v1_ScriptedEvent__Output } from './omni/journey/v1/ScriptedEvent';
import type { SendNode as _omni_journey_v1_SendNode, SendNode__Output as _omni_journey_v1_SendNode__Output } from './omni/journey/v1/SendNode';
import type { SimulateJourneyRequest as _omni_journey_v1_SimulateJourneyRequest, SimulateJourneyRequest__Output as _omni_journey_v1_SimulateJourneyRequest__Output } from './omni/journey/v1/SimulateJourneyRequest';
import type { SimulateJourneyResponse as _omni_journey_v1_SimulateJourneyResponse, SimulateJourneyResponse__Output as _omni_journey_v1_SimulateJourneyResponse__Output } from './omni/journey/v1/SimulateJourneyResponse';
import type { SimulatedMessage as _omni_journey_v1_SimulatedMessage, SimulatedMessage__Output as _omni_journey_v1_SimulatedMessage__Output } from './omni/journey/v1/SimulatedMessage';
import type { SimulatedProfile as _omni_journey_v1_SimulatedProfile, SimulatedProfile__Output as _omni_journey_v1_SimulatedProfile__Output } from './omni/journey/v1/SimulatedProfile';
import type { SplitArm as _omni_journey_v1_SplitArm, SplitArm__Output as _omni_journey_v1_SplitArm__Output } from './omni/journey/v1/SplitArm';
import type { SplitNode as _omni_journey_v1_SplitNode, SplitNode__Output as _omni_journey_v1_SplitNode__Output } from './omni/journey/v1/SplitNode';
import type { StopJourneyRequest as _omni_journey_v1_StopJourneyRequest, StopJourneyRequest__Output as _omni_journey_v1_StopJourneyRequest__Output } from './omni/journey/v1/StopJourneyRequest';
import type { StopJourneyResponse as _omni_journey_v1_StopJourneyResponse, StopJourneyResponse__Output as _omni_journey_v1_StopJourneyResponse__Output } from './omni/journey/v1/StopJourneyResponse';
import type { SubmitJourneyForReviewRequest as _omni_journey_v1_SubmitJourneyForReviewRequest, SubmitJourneyForReviewRequest__Output as _omni_journey_v1_SubmitJourneyForReviewRequest__Output } from './omni/journey/v1/SubmitJourneyForReviewRequest';
import type { SubmitJourneyForReviewResponse as _omni_journey_v1_SubmitJourneyForReviewResponse, SubmitJourneyForReviewResponse__Output as _omni_journey_v1_SubmitJourneyForReviewResponse__Output } from './omni/journey/v1/SubmitJourneyForReviewResponse';
import type { UpdateJourneyDraftRequest as _omni_journey_v1_UpdateJourneyDraftRequest, UpdateJourneyDraftRequest__Output as _omni_journey_v1_UpdateJourneyDraftRequest__Output } from './omni/journey/v1/UpdateJourneyDraftRequest';
import type { UpdateJourneyDraftResponse as _omni_journey_v1_UpdateJourneyDraftResponse, UpdateJourneyDraftResponse__Output as _omni_journey_v1_UpdateJourneyDraftResponse__Output } from './omni/journey/v1/UpdateJourneyDraftResponse';
import type { UpdateJourneyReviewSettingsRequest as _omni_journey_v1_UpdateJourneyReviewSettingsRequest, UpdateJourneyReviewSettingsRequest__Output as _omni_journey_v1_UpdateJourneyReviewSettingsRequest__Output } from './omni/journey/v1/UpdateJourneyReviewSettingsRequest';
import type { UpdateJourneyReviewSettingsResponse as _omni_journey_v1_UpdateJourneyReviewSettingsResponse, UpdateJourneyReviewSettingsResponse__Output as _omni_journey_v1_UpdateJourneyReviewSettingsResponse__Output } from './omni/journey/v1/UpdateJourneyReviewSettingsResponse';
import type { UpdateProfileNode as _omni_journey_v1_UpdateProfileNode, UpdateProfileNode__Output as _omni_journey_v1_UpdateProfileNode__Output } from './omni/journey/v1/UpdateProfileNode';
import type { ValidateJourneyRequest as _omni_journey_v1_ValidateJourneyRequest, ValidateJourneyRequest__Output as _omni_journey_v1_ValidateJourneyRequest__Output } from './omni/journey/v1/ValidateJourneyRequest';
import type { ValidateJourneyResponse as _omni_journey_v1_ValidateJourneyResponse, ValidateJourneyResponse__Output as _omni_journey_v1_ValidateJourneyResponse__Output } from './omni/journey/v1/ValidateJourneyResponse';
import type { ValidationProblem as _omni_journey_v1_ValidationProblem, ValidationProblem__Output as _omni_journey_v1_ValidationProblem__Output } from './omni/journey/v1/ValidationProblem';
import type { WaitForEventNode as _omni_journey_v1_WaitForEventNode, WaitForEventNode__Output as _omni_journey_v1_WaitForEventNode__Output } from './omni/journey/v1/WaitForEventNode';
import type { WaitNode as _omni_journey_v1_WaitNode, WaitNode__Output as _omni_journey_v1_WaitNode__Output } from './omni/journey/v1/WaitNode';
import type { WaitUntilNode as _omni_journey_v1_WaitUntilNode, WaitUntilNode__Output as _omni_journey_v1_WaitUntilNode__Output } from './omni/journey/v1/WaitUntilNode';
import type { WebhookNode as _omni_journey_v1_WebhookNode, WebhookNode__Output as _omni_journey_v1_WebhookNode__Output } from './omni/journey/v1/WebhookNode';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Duration: MessageTypeDefinition<_google_protobuf_Duration, _google_protobuf_Duration__Output>
      ListValue: MessageTypeDefinition<_google_protobuf_ListValue, _google_protobuf_ListValue__Output>
      NullValue: EnumTypeDefinition
      Struct: MessageTypeDefinition<_google_protobuf_Struct, _google_protobuf_Struct__Output>
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
      Value: MessageTypeDefinition<_google_protobuf_Value, _google_protobuf_Value__Output>
    }
  }
  omni: {
    common: {
      v1: {
        DeliveryChannel: EnumTypeDefinition
        Event: MessageTypeDefinition<_omni_common_v1_Event, _omni_common_v1_Event__Output>
        Identifier: MessageTypeDefinition<_omni_common_v1_Identifier, _omni_common_v1_Identifier__Output>
        IdentifierType: EnumTypeDefinition
        SourceChannel: EnumTypeDefinition
      }
    }
    journey: {
      v1: {
        ApproveJourneyRequest: MessageTypeDefinition<_omni_journey_v1_ApproveJourneyRequest, _omni_journey_v1_ApproveJourneyRequest__Output>
        ApproveJourneyResponse: MessageTypeDefinition<_omni_journey_v1_ApproveJourneyResponse, _omni_journey_v1_ApproveJourneyResponse__Output>
        BestSendTimeWait: MessageTypeDefinition<_omni_journey_v1_BestSendTimeWait, _omni_journey_v1_BestSendTimeWait__Output>
        BranchStats: MessageTypeDefinition<_omni_journey_v1_BranchStats, _omni_journey_v1_BranchStats__Output>
        ConditionBranch: MessageTypeDefinition<_omni_journey_v1_ConditionBranch, _omni_journey_v1_ConditionBranch__Output>
        ConditionNode: MessageTypeDefinition<_omni_journey_v1_ConditionNode, _omni_journey_v1_ConditionNode__Output>
        CreateJourneyRequest: MessageTypeDefinition<_omni_journey_v1_CreateJourneyRequest, _omni_journey_v1_CreateJourneyRequest__Output>
        CreateJourneyResponse: MessageTypeDefinition<_omni_journey_v1_CreateJourneyResponse, _omni_journey_v1_CreateJourneyResponse__Output>
        DecideNode: MessageTypeDefinition<_omni_journey_v1_DecideNode, _omni_journey_v1_DecideNode__Output>
        EnrollCustomerRequest: MessageTypeDefinition<_omni_journey_v1_EnrollCustomerRequest, _omni_journey_v1_EnrollCustomerRequest__Output>
        EnrollCustomerResponse: MessageTypeDefinition<_omni_journey_v1_EnrollCustomerResponse, _omni_journey_v1_EnrollCustomerResponse__Output>
        EntryNode: MessageTypeDefinition<_omni_journey_v1_EntryNode, _omni_journey_v1_EntryNode__Output>
        EventCriterion: MessageTypeDefinition<_omni_journey_v1_EventCriterion, _omni_journey_v1_EventCriterion__Output>
        ExitNode: MessageTypeDefinition<_omni_journey_v1_ExitNode, _omni_journey_v1_ExitNode__Output>
        GetJourneyRequest: MessageTypeDefinition<_omni_journey_v1_GetJourneyRequest, _omni_journey_v1_GetJourneyRequest__Output>
        GetJourneyResponse: MessageTypeDefinition<_omni_journey_v1_GetJourneyResponse, _omni_journey_v1_GetJourneyResponse__Output>
        GetJourneyReviewRequest: MessageTypeDefinition<_omni_journey_v1_GetJourneyReviewRequest, _omni_journey_v1_GetJourneyReviewRequest__Output>
        GetJourneyReviewResponse: MessageTypeDefinition<_omni_journey_v1_GetJourneyReviewResponse, _omni_journey_v1_GetJourneyReviewResponse__Output>
        GetJourneyReviewSettingsRequest: MessageTypeDefinition<_omni_journey_v1_GetJourneyReviewSettingsRequest, _omni_journey_v1_GetJourneyReviewSettingsRequest__Output>
        GetJourneyReviewSettingsResponse: MessageTypeDefinition<_omni_journey_v1_GetJourneyReviewSettingsResponse, _omni_journey_v1_GetJourneyReviewSettingsResponse__Output>
        GetJourneyStatsRequest: MessageTypeDefinition<_omni_journey_v1_GetJourneyStatsRequest, _omni_journey_v1_GetJourneyStatsRequest__Output>
        GetJourneyStatsResponse: MessageTypeDefinition<_omni_journey_v1_GetJourneyStatsResponse, _omni_journey_v1_GetJourneyStatsResponse__Output>
        GetRunRequest: MessageTypeDefinition<_omni_journey_v1_GetRunRequest, _omni_journey_v1_GetRunRequest__Output>
        GetRunResponse: MessageTypeDefinition<_omni_journey_v1_GetRunResponse, _omni_journey_v1_GetRunResponse__Output>
        Goal: MessageTypeDefinition<_omni_journey_v1_Goal, _omni_journey_v1_Goal__Output>
        GoalNode: MessageTypeDefinition<_omni_journey_v1_GoalNode, _omni_journey_v1_GoalNode__Output>
        Journey: MessageTypeDefinition<_omni_journey_v1_Journey, _omni_journey_v1_Journey__Output>
        JourneyDiff: MessageTypeDefinition<_omni_journey_v1_JourneyDiff, _omni_journey_v1_JourneyDiff__Output>
        JourneyReviewEntry: MessageTypeDefinition<_omni_journey_v1_JourneyReviewEntry, _omni_journey_v1_JourneyReviewEntry__Output>
        JourneyReviewSettings: MessageTypeDefinition<_omni_journey_v1_JourneyReviewSettings, _omni_journey_v1_JourneyReviewSettings__Output>
        JourneyReviewState: EnumTypeDefinition
        JourneyService: SubtypeConstructor<typeof grpc.Client, _omni_journey_v1_JourneyServiceClient> & { service: _omni_journey_v1_JourneyServiceDefinition }
        JourneySettings: MessageTypeDefinition<_omni_journey_v1_JourneySettings, _omni_journey_v1_JourneySettings__Output>
        JourneyState: EnumTypeDefinition
        ListJourneyReviewsRequest: MessageTypeDefinition<_omni_journey_v1_ListJourneyReviewsRequest, _omni_journey_v1_ListJourneyReviewsRequest__Output>
        ListJourneyReviewsResponse: MessageTypeDefinition<_omni_journey_v1_ListJourneyReviewsResponse, _omni_journey_v1_ListJourneyReviewsResponse__Output>
        ListRunsRequest: MessageTypeDefinition<_omni_journey_v1_ListRunsRequest, _omni_journey_v1_ListRunsRequest__Output>
        ListRunsResponse: MessageTypeDefinition<_omni_journey_v1_ListRunsResponse, _omni_journey_v1_ListRunsResponse__Output>
        NoSlotAction: EnumTypeDefinition
        Node: MessageTypeDefinition<_omni_journey_v1_Node, _omni_journey_v1_Node__Output>
        NodeStats: MessageTypeDefinition<_omni_journey_v1_NodeStats, _omni_journey_v1_NodeStats__Output>
        PauseJourneyRequest: MessageTypeDefinition<_omni_journey_v1_PauseJourneyRequest, _omni_journey_v1_PauseJourneyRequest__Output>
        PauseJourneyResponse: MessageTypeDefinition<_omni_journey_v1_PauseJourneyResponse, _omni_journey_v1_PauseJourneyResponse__Output>
        PublishJourneyRequest: MessageTypeDefinition<_omni_journey_v1_PublishJourneyRequest, _omni_journey_v1_PublishJourneyRequest__Output>
        PublishJourneyResponse: MessageTypeDefinition<_omni_journey_v1_PublishJourneyResponse, _omni_journey_v1_PublishJourneyResponse__Output>
        ReentryPolicy: EnumTypeDefinition
        RejectJourneyRequest: MessageTypeDefinition<_omni_journey_v1_RejectJourneyRequest, _omni_journey_v1_RejectJourneyRequest__Output>
        RejectJourneyResponse: MessageTypeDefinition<_omni_journey_v1_RejectJourneyResponse, _omni_journey_v1_RejectJourneyResponse__Output>
        ResumeJourneyRequest: MessageTypeDefinition<_omni_journey_v1_ResumeJourneyRequest, _omni_journey_v1_ResumeJourneyRequest__Output>
        ResumeJourneyResponse: MessageTypeDefinition<_omni_journey_v1_ResumeJourneyResponse, _omni_journey_v1_ResumeJourneyResponse__Output>
        Run: MessageTypeDefinition<_omni_journey_v1_Run, _omni_journey_v1_Run__Output>
        RunState: EnumTypeDefinition
        RunStep: MessageTypeDefinition<_omni_journey_v1_RunStep, _omni_journey_v1_RunStep__Output>
        ScheduleEntry: MessageTypeDefinition<_omni_journey_v1_ScheduleEntry, _omni_journey_v1_ScheduleEntry__Output>
        ScheduleRecurrence: EnumTypeDefinition
        ScriptedEvent: MessageTypeDefinition<_omni_journey_v1_ScriptedEvent, _omni_journey_v1_ScriptedEvent__Output>
        SendNode: MessageTypeDefinition<_omni_journey_v1_SendNode, _omni_journey_v1_SendNode__Output>
        SimulateJourneyRequest: MessageTypeDefinition<_omni_journey_v1_SimulateJourneyRequest, _omni_journey_v1_SimulateJourneyRequest__Output>
        SimulateJourneyResponse: MessageTypeDefinition<_omni_journey_v1_SimulateJourneyResponse, _omni_journey_v1_SimulateJourneyResponse__Output>
        SimulatedMessage: MessageTypeDefinition<_omni_journey_v1_SimulatedMessage, _omni_journey_v1_SimulatedMessage__Output>
        SimulatedProfile: MessageTypeDefinition<_omni_journey_v1_SimulatedProfile, _omni_journey_v1_SimulatedProfile__Output>
        SplitArm: MessageTypeDefinition<_omni_journey_v1_SplitArm, _omni_journey_v1_SplitArm__Output>
        SplitNode: MessageTypeDefinition<_omni_journey_v1_SplitNode, _omni_journey_v1_SplitNode__Output>
        StopJourneyRequest: MessageTypeDefinition<_omni_journey_v1_StopJourneyRequest, _omni_journey_v1_StopJourneyRequest__Output>
        StopJourneyResponse: MessageTypeDefinition<_omni_journey_v1_StopJourneyResponse, _omni_journey_v1_StopJourneyResponse__Output>
        SubmitJourneyForReviewRequest: MessageTypeDefinition<_omni_journey_v1_SubmitJourneyForReviewRequest, _omni_journey_v1_SubmitJourneyForReviewRequest__Output>
        SubmitJourneyForReviewResponse: MessageTypeDefinition<_omni_journey_v1_SubmitJourneyForReviewResponse, _omni_journey_v1_SubmitJourneyForReviewResponse__Output>
        UpdateJourneyDraftRequest: MessageTypeDefinition<_omni_journey_v1_UpdateJourneyDraftRequest, _omni_journey_v1_UpdateJourneyDraftRequest__Output>
        UpdateJourneyDraftResponse: MessageTypeDefinition<_omni_journey_v1_UpdateJourneyDraftResponse, _omni_journey_v1_UpdateJourneyDraftResponse__Output>
        UpdateJourneyReviewSettingsRequest: MessageTypeDefinition<_omni_journey_v1_UpdateJourneyReviewSettingsRequest, _omni_journey_v1_UpdateJourneyReviewSettingsRequest__Output>
        UpdateJourneyReviewSettingsResponse: MessageTypeDefinition<_omni_journey_v1_UpdateJourneyReviewSettingsResponse, _omni_journey_v1_UpdateJourneyReviewSettingsResponse__Output>
        UpdateProfileNode: MessageTypeDefinition<_omni_journey_v1_UpdateProfileNode, _omni_journey_v1_UpdateProfileNode__Output>
        ValidateJourneyRequest: MessageTypeDefinition<_omni_journey_v1_ValidateJourneyRequest, _omni_journey_v1_ValidateJourneyRequest__Output>
        ValidateJourneyResponse: MessageTypeDefinition<_omni_journey_v1_ValidateJourneyResponse, _omni_journey_v1_ValidateJourneyResponse__Output>
        ValidationProblem: MessageTypeDefinition<_omni_journey_v1_ValidationProblem, _omni_journey_v1_ValidationProblem__Output>
        WaitForEventNode: MessageTypeDefinition<_omni_journey_v1_WaitForEventNode, _omni_journey_v1_WaitForEventNode__Output>
        WaitNode: MessageTypeDefinition<_omni_journey_v1_WaitNode, _omni_journey_v1_WaitNode__Output>
        WaitUntilNode: MessageTypeDefinition<_omni_journey_v1_WaitUntilNode, _omni_journey_v1_WaitUntilNode__Output>
        WebhookNode: MessageTypeDefinition<_omni_journey_v1_WebhookNode, _omni_journey_v1_WebhookNode__Output>
      }
    }
  }
}

