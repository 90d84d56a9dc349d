import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from './google/protobuf/Duration';
import type { ListValue as _google_protobuf_ListValue, ListValue__Output as _google_protobuf_ListValue__Output } from './google/protobuf/ListValue';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from './google/protobuf/Struct';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from './google/protobuf/Value';
import type { Event as _omni_common_v1_Event, Event__Output as _omni_common_v1_Event__Output } from './omni/common/v1/Event';
import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from './omni/common/v1/Identifier';
import type { CreateJourneyRequest as _omni_journey_v1_CreateJourneyRequest, CreateJourneyRequest__Output as _omni_journey_v1_CreateJourneyRequest__Output } from './omni/journey/v1/CreateJourneyRequest';
import type { CreateJourneyResponse as _omni_journey_v1_CreateJourneyResponse, CreateJourneyResponse__Output as _omni_journey_v1_CreateJourneyResponse__Output } from './omni/journey/v1/CreateJourneyResponse';
import type { DecideNode as _omni_journey_v1_DecideNode, DecideNode__Output as _omni_journey_v1_DecideNode__Output } from './omni/journey/v1/DecideNode';
import type { EnrollCustomerRequest as _omni_journey_v1_EnrollCustomerRequest, EnrollCustomerRequest__Output as _omni_journey_v1_EnrollCustomerRequest__Output } from './omni/journey/v1/EnrollCustomerRequest';
import type { EnrollCustomerResponse as _omni_journey_v1_EnrollCustomerResponse, EnrollCustomerResponse__Output as _omni_journey_v1_EnrollCustomerResponse__Output } from './omni/journey/v1/EnrollCustomerResponse';
import type { EntryNode as _omni_journey_v1_EntryNode, EntryNode__Output as _omni_journey_v1_EntryNode__Output } from './omni/journey/v1/EntryNode';
import type { GetJourneyRequest as _omni_journey_v1_GetJourneyRequest, GetJourneyRequest__Output as _omni_journey_v1_GetJourneyRequest__Output } from './omni/journey/v1/GetJourneyRequest';
import type { GetJourneyResponse as _omni_journey_v1_GetJourneyResponse, GetJourneyResponse__Output as _omni_journey_v1_GetJourneyResponse__Output } from './omni/journey/v1/GetJourneyResponse';
import type { GetRunRequest as _omni_journey_v1_GetRunRequest, GetRunRequest__Output as _omni_journey_v1_GetRunRequest__Output } from './omni/journey/v1/GetRunRequest';
import type { GetRunResponse as _omni_journey_v1_GetRunResponse, GetRunResponse__Output as _omni_journey_v1_GetRunResponse__Output } from './omni/journey/v1/GetRunResponse';
import type { Journey as _omni_journey_v1_Journey, Journey__Output as _omni_journey_v1_Journey__Output } from './omni/journey/v1/Journey';
import type { JourneyServiceClient as _omni_journey_v1_JourneyServiceClient, JourneyServiceDefinition as _omni_journey_v1_JourneyServiceDefinition } from './omni/journey/v1/JourneyService';
import type { ListRunsRequest as _omni_journey_v1_ListRunsRequest, ListRunsRequest__Output as _omni_journey_v1_ListRunsRequest__Output } from './omni/journey/v1/ListRunsRequest';
import type { ListRunsResponse as _omni_journey_v1_ListRunsResponse, ListRunsResponse__Output as _omni_journey_v1_ListRunsResponse__Output } from './omni/journey/v1/ListRunsResponse';
import type { Node as _omni_journey_v1_Node, Node__Output as _omni_journey_v1_Node__Output } from './omni/journey/v1/Node';
import type { PauseJourneyRequest as _omni_journey_v1_PauseJourneyRequest, PauseJourneyRequest__Output as _omni_journey_v1_PauseJourneyRequest__Output } from './omni/journey/v1/PauseJourneyRequest';
import type { PauseJourneyResponse as _omni_journey_v1_PauseJourneyResponse, PauseJourneyResponse__Output as _omni_journey_v1_PauseJourneyResponse__Output } from './omni/journey/v1/PauseJourneyResponse';
import type { PublishJourneyRequest as _omni_journey_v1_PublishJourneyRequest, PublishJourneyRequest__Output as _omni_journey_v1_PublishJourneyRequest__Output } from './omni/journey/v1/PublishJourneyRequest';
import type { PublishJourneyResponse as _omni_journey_v1_PublishJourneyResponse, PublishJourneyResponse__Output as _omni_journey_v1_PublishJourneyResponse__Output } from './omni/journey/v1/PublishJourneyResponse';
import type { ResumeJourneyRequest as _omni_journey_v1_ResumeJourneyRequest, ResumeJourneyRequest__Output as _omni_journey_v1_ResumeJourneyRequest__Output } from './omni/journey/v1/ResumeJourneyRequest';
import type { ResumeJourneyResponse as _omni_journey_v1_ResumeJourneyResponse, ResumeJourneyResponse__Output as _omni_journey_v1_ResumeJourneyResponse__Output } from './omni/journey/v1/ResumeJourneyResponse';
import type { Run as _omni_journey_v1_Run, Run__Output as _omni_journey_v1_Run__Output } from './omni/journey/v1/Run';
import type { SendNode as _omni_journey_v1_SendNode, SendNode__Output as _omni_journey_v1_SendNode__Output } from './omni/journey/v1/SendNode';
import type { WaitNode as _omni_journey_v1_WaitNode, WaitNode__Output as _omni_journey_v1_WaitNode__Output } from './omni/journey/v1/WaitNode';

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
        CreateJourneyRequest: MessageTypeDefinition<_omni_journey_v1_CreateJourneyRequest, _omni_journey_v1_CreateJourneyRequest__Output>
        CreateJourneyResponse: MessageTypeDefinition<_omni_journey_v1_CreateJourneyResponse, _omni_journey_v1_CreateJourneyResponse__Output>
        DecideNode: MessageTypeDefinition<_omni_journey_v1_DecideNode, _omni_journey_v1_DecideNode__Output>
        EnrollCustomerRequest: MessageTypeDefinition<_omni_journey_v1_EnrollCustomerRequest, _omni_journey_v1_EnrollCustomerRequest__Output>
        EnrollCustomerResponse: MessageTypeDefinition<_omni_journey_v1_EnrollCustomerResponse, _omni_journey_v1_EnrollCustomerResponse__Output>
        EntryNode: MessageTypeDefinition<_omni_journey_v1_EntryNode, _omni_journey_v1_EntryNode__Output>
        GetJourneyRequest: MessageTypeDefinition<_omni_journey_v1_GetJourneyRequest, _omni_journey_v1_GetJourneyRequest__Output>
        GetJourneyResponse: MessageTypeDefinition<_omni_journey_v1_GetJourneyResponse, _omni_journey_v1_GetJourneyResponse__Output>
        GetRunRequest: MessageTypeDefinition<_omni_journey_v1_GetRunRequest, _omni_journey_v1_GetRunRequest__Output>
        GetRunResponse: MessageTypeDefinition<_omni_journey_v1_GetRunResponse, _omni_journey_v1_GetRunResponse__Output>
        Journey: MessageTypeDefinition<_omni_journey_v1_Journey, _omni_journey_v1_Journey__Output>
        JourneyService: SubtypeConstructor<typeof grpc.Client, _omni_journey_v1_JourneyServiceClient> & { service: _omni_journey_v1_JourneyServiceDefinition }
        JourneyState: EnumTypeDefinition
        ListRunsRequest: MessageTypeDefinition<_omni_journey_v1_ListRunsRequest, _omni_journey_v1_ListRunsRequest__Output>
        ListRunsResponse: MessageTypeDefinition<_omni_journey_v1_ListRunsResponse, _omni_journey_v1_ListRunsResponse__Output>
        Node: MessageTypeDefinition<_omni_journey_v1_Node, _omni_journey_v1_Node__Output>
        PauseJourneyRequest: MessageTypeDefinition<_omni_journey_v1_PauseJourneyRequest, _omni_journey_v1_PauseJourneyRequest__Output>
        PauseJourneyResponse: MessageTypeDefinition<_omni_journey_v1_PauseJourneyResponse, _omni_journey_v1_PauseJourneyResponse__Output>
        PublishJourneyRequest: MessageTypeDefinition<_omni_journey_v1_PublishJourneyRequest, _omni_journey_v1_PublishJourneyRequest__Output>
        PublishJourneyResponse: MessageTypeDefinition<_omni_journey_v1_PublishJourneyResponse, _omni_journey_v1_PublishJourneyResponse__Output>
        ResumeJourneyRequest: MessageTypeDefinition<_omni_journey_v1_ResumeJourneyRequest, _omni_journey_v1_ResumeJourneyRequest__Output>
        ResumeJourneyResponse: MessageTypeDefinition<_omni_journey_v1_ResumeJourneyResponse, _omni_journey_v1_ResumeJourneyResponse__Output>
        Run: MessageTypeDefinition<_omni_journey_v1_Run, _omni_journey_v1_Run__Output>
        RunState: EnumTypeDefinition
        SendNode: MessageTypeDefinition<_omni_journey_v1_SendNode, _omni_journey_v1_SendNode__Output>
        WaitNode: MessageTypeDefinition<_omni_journey_v1_WaitNode, _omni_journey_v1_WaitNode__Output>
      }
    }
  }
}

