import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from './google/protobuf/FieldMask';
import type { ListValue as _google_protobuf_ListValue, ListValue__Output as _google_protobuf_ListValue__Output } from './google/protobuf/ListValue';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from './google/protobuf/Struct';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from './google/protobuf/Value';
import type { Event as _omni_common_v1_Event, Event__Output as _omni_common_v1_Event__Output } from './omni/common/v1/Event';
import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from './omni/common/v1/Identifier';
import type { ArchiveOfferRequest as _omni_decisioning_v1_ArchiveOfferRequest, ArchiveOfferRequest__Output as _omni_decisioning_v1_ArchiveOfferRequest__Output } from './omni/decisioning/v1/ArchiveOfferRequest';
import type { ArchiveOfferResponse as _omni_decisioning_v1_ArchiveOfferResponse, ArchiveOfferResponse__Output as _omni_decisioning_v1_ArchiveOfferResponse__Output } from './omni/decisioning/v1/ArchiveOfferResponse';
import type { ArmResult as _omni_decisioning_v1_ArmResult, ArmResult__Output as _omni_decisioning_v1_ArmResult__Output } from './omni/decisioning/v1/ArmResult';
import type { AssignVariantRequest as _omni_decisioning_v1_AssignVariantRequest, AssignVariantRequest__Output as _omni_decisioning_v1_AssignVariantRequest__Output } from './omni/decisioning/v1/AssignVariantRequest';
import type { AssignVariantResponse as _omni_decisioning_v1_AssignVariantResponse, AssignVariantResponse__Output as _omni_decisioning_v1_AssignVariantResponse__Output } from './omni/decisioning/v1/AssignVariantResponse';
import type { BestSendTimeRequest as _omni_decisioning_v1_BestSendTimeRequest, BestSendTimeRequest__Output as _omni_decisioning_v1_BestSendTimeRequest__Output } from './omni/decisioning/v1/BestSendTimeRequest';
import type { BestSendTimeResponse as _omni_decisioning_v1_BestSendTimeResponse, BestSendTimeResponse__Output as _omni_decisioning_v1_BestSendTimeResponse__Output } from './omni/decisioning/v1/BestSendTimeResponse';
import type { Candidate as _omni_decisioning_v1_Candidate, Candidate__Output as _omni_decisioning_v1_Candidate__Output } from './omni/decisioning/v1/Candidate';
import type { ChannelCandidate as _omni_decisioning_v1_ChannelCandidate, ChannelCandidate__Output as _omni_decisioning_v1_ChannelCandidate__Output } from './omni/decisioning/v1/ChannelCandidate';
import type { ChooseChannelRequest as _omni_decisioning_v1_ChooseChannelRequest, ChooseChannelRequest__Output as _omni_decisioning_v1_ChooseChannelRequest__Output } from './omni/decisioning/v1/ChooseChannelRequest';
import type { ChooseChannelResponse as _omni_decisioning_v1_ChooseChannelResponse, ChooseChannelResponse__Output as _omni_decisioning_v1_ChooseChannelResponse__Output } from './omni/decisioning/v1/ChooseChannelResponse';
import type { CreateExperimentRequest as _omni_decisioning_v1_CreateExperimentRequest, CreateExperimentRequest__Output as _omni_decisioning_v1_CreateExperimentRequest__Output } from './omni/decisioning/v1/CreateExperimentRequest';
import type { CreateExperimentResponse as _omni_decisioning_v1_CreateExperimentResponse, CreateExperimentResponse__Output as _omni_decisioning_v1_CreateExperimentResponse__Output } from './omni/decisioning/v1/CreateExperimentResponse';
import type { CreateOfferRequest as _omni_decisioning_v1_CreateOfferRequest, CreateOfferRequest__Output as _omni_decisioning_v1_CreateOfferRequest__Output } from './omni/decisioning/v1/CreateOfferRequest';
import type { CreateOfferResponse as _omni_decisioning_v1_CreateOfferResponse, CreateOfferResponse__Output as _omni_decisioning_v1_CreateOfferResponse__Output } from './omni/decisioning/v1/CreateOfferResponse';
import type { CustomerCap as _omni_decisioning_v1_CustomerCap, CustomerCap__Output as _omni_decisioning_v1_CustomerCap__Output } from './omni/decisioning/v1/CustomerCap';
import type { DecideRequest as _omni_decisioning_v1_DecideRequest, DecideRequest__Output as _omni_decisioning_v1_DecideRequest__Output } from './omni/decisioning/v1/DecideRequest';
import type { DecideResponse as _omni_decisioning_v1_DecideResponse, DecideResponse__Output as _omni_decisioning_v1_DecideResponse__Output } from './omni/decisioning/v1/DecideResponse';
import type { Decision as _omni_decisioning_v1_Decision, Decision__Output as _omni_decisioning_v1_Decision__Output } from './omni/decisioning/v1/Decision';
import type { DecisioningServiceClient as _omni_decisioning_v1_DecisioningServiceClient, DecisioningServiceDefinition as _omni_decisioning_v1_DecisioningServiceDefinition } from './omni/decisioning/v1/DecisioningService';
import type { Experiment as _omni_decisioning_v1_Experiment, Experiment__Output as _omni_decisioning_v1_Experiment__Output } from './omni/decisioning/v1/Experiment';
import type { ExperimentArm as _omni_decisioning_v1_ExperimentArm, ExperimentArm__Output as _omni_decisioning_v1_ExperimentArm__Output } from './omni/decisioning/v1/ExperimentArm';
import type { GetDecisionRequest as _omni_decisioning_v1_GetDecisionRequest, GetDecisionRequest__Output as _omni_decisioning_v1_GetDecisionRequest__Output } from './omni/decisioning/v1/GetDecisionRequest';
import type { GetDecisionResponse as _omni_decisioning_v1_GetDecisionResponse, GetDecisionResponse__Output as _omni_decisioning_v1_GetDecisionResponse__Output } from './omni/decisioning/v1/GetDecisionResponse';
import type { GetExperimentRequest as _omni_decisioning_v1_GetExperimentRequest, GetExperimentRequest__Output as _omni_decisioning_v1_GetExperimentRequest__Output } from './omni/decisioning/v1/GetExperimentRequest';
import type { GetExperimentResponse as _omni_decisioning_v1_GetExperimentResponse, GetExperimentResponse__Output as _omni_decisioning_v1_GetExperimentResponse__Output } from './omni/decisioning/v1/GetExperimentResponse';
import type { GetExperimentResultsRequest as _omni_decisioning_v1_GetExperimentResultsRequest, GetExperimentResultsRequest__Output as _omni_decisioning_v1_GetExperimentResultsRequest__Output } from './omni/decisioning/v1/GetExperimentResultsRequest';
import type { GetExperimentResultsResponse as _omni_decisioning_v1_GetExperimentResultsResponse, GetExperimentResultsResponse__Output as _omni_decisioning_v1_GetExperimentResultsResponse__Output } from './omni/decisioning/v1/GetExperimentResultsResponse';
import type { GetOfferRequest as _omni_decisioning_v1_GetOfferRequest, GetOfferRequest__Output as _omni_decisioning_v1_GetOfferRequest__Output } from './omni/decisioning/v1/GetOfferRequest';
import type { GetOfferResponse as _omni_decisioning_v1_GetOfferResponse, GetOfferResponse__Output as _omni_decisioning_v1_GetOfferResponse__Output } from './omni/decisioning/v1/GetOfferResponse';
import type { GlobalCap as _omni_decisioning_v1_GlobalCap, GlobalCap__Output as _omni_decisioning_v1_GlobalCap__Output } from './omni/decisioning/v1/GlobalCap';
import type { ListOffersRequest as _omni_decisioning_v1_ListOffersRequest, ListOffersRequest__Output as _omni_decisioning_v1_ListOffersRequest__Output } from './omni/decisioning/v1/ListOffersRequest';
import type { ListOffersResponse as _omni_decisioning_v1_ListOffersResponse, ListOffersResponse__Output as _omni_decisioning_v1_ListOffersResponse__Output } from './omni/decisioning/v1/ListOffersResponse';
import type { Offer as _omni_decisioning_v1_Offer, Offer__Output as _omni_decisioning_v1_Offer__Output } from './omni/decisioning/v1/Offer';
import type { PlacementContent as _omni_decisioning_v1_PlacementContent, PlacementContent__Output as _omni_decisioning_v1_PlacementContent__Output } from './omni/decisioning/v1/PlacementContent';
import type { RankedChannel as _omni_decisioning_v1_RankedChannel, RankedChannel__Output as _omni_decisioning_v1_RankedChannel__Output } from './omni/decisioning/v1/RankedChannel';
import type { RecordOutcomeRequest as _omni_decisioning_v1_RecordOutcomeRequest, RecordOutcomeRequest__Output as _omni_decisioning_v1_RecordOutcomeRequest__Output } from './omni/decisioning/v1/RecordOutcomeRequest';
import type { RecordOutcomeResponse as _omni_decisioning_v1_RecordOutcomeResponse, RecordOutcomeResponse__Output as _omni_decisioning_v1_RecordOutcomeResponse__Output } from './omni/decisioning/v1/RecordOutcomeResponse';
import type { RecordedOutcome as _omni_decisioning_v1_RecordedOutcome, RecordedOutcome__Output as _omni_decisioning_v1_RecordedOutcome__Output } from './omni/decisioning/v1/RecordedOutcome';
import type { UpdateOfferRequest as _omni_decisioning_v1_UpdateOfferRequest, UpdateOfferRequest__Output as _omni_decisioning_v1_UpdateOfferRequest__Output } from './omni/decisioning/v1/UpdateOfferRequest';
import type { UpdateOfferResponse as _omni_decisioning_v1_UpdateOfferResponse, UpdateOfferResponse__Output as _omni_decisioning_v1_UpdateOfferResponse__Output } from './omni/decisioning/v1/UpdateOfferResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      FieldMask: MessageTypeDefinition<_google_protobuf_FieldMask, _google_protobuf_FieldMask__Output>
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
    decisioning: {
      v1: {
        ArchiveOfferRequest: MessageTypeDefinition<_omni_decisioning_v1_ArchiveOfferRequest, _omni_decisioning_v1_ArchiveOfferRequest__Output>
        ArchiveOfferResponse: MessageTypeDefinition<_omni_decisioning_v1_ArchiveOfferResponse, _omni_decisioning_v1_ArchiveOfferResponse__Output>
        ArmResult: MessageTypeDefinition<_omni_decisioning_v1_ArmResult, _omni_decisioning_v1_ArmResult__Output>
        AssignVariantRequest: MessageTypeDefinition<_omni_decisioning_v1_AssignVariantRequest, _omni_decisioning_v1_AssignVariantRequest__Output>
        AssignVariantResponse: MessageTypeDefinition<_omni_decisioning_v1_AssignVariantResponse, _omni_decisioning_v1_AssignVariantResponse__Output>
        BestSendTimeRequest: MessageTypeDefinition<_omni_decisioning_v1_BestSendTimeRequest, _omni_decisioning_v1_BestSendTimeRequest__Output>
        BestSendTimeResponse: MessageTypeDefinition<_omni_decisioning_v1_BestSendTimeResponse, _omni_decisioning_v1_BestSendTimeResponse__Output>
        Candidate: MessageTypeDefinition<_omni_decisioning_v1_Candidate, _omni_decisioning_v1_Candidate__Output>
        CandidateOutcome: EnumTypeDefinition
        ChannelCandidate: MessageTypeDefinition<_omni_decisioning_v1_ChannelCandidate, _omni_decisioning_v1_ChannelCandidate__Output>
        ChannelOutcome: EnumTypeDefinition
        ChooseChannelRequest: MessageTypeDefinition<_omni_decisioning_v1_ChooseChannelRequest, _omni_decisioning_v1_ChooseChannelRequest__Output>
        ChooseChannelResponse: MessageTypeDefinition<_omni_decisioning_v1_ChooseChannelResponse, _omni_decisioning_v1_ChooseChannelResponse__Output>
        ContactPurpose: EnumTypeDefinition
        CreateExperimentRequest: MessageTypeDefinition<_omni_decisioning_v1_CreateExperimentRequest, _omni_decisioning_v1_CreateExperimentRequest__Output>
        CreateExperimentResponse: MessageTypeDefinition<_omni_decisioning_v1_CreateExperimentResponse, _omni_decisioning_v1_CreateExperimentResponse__Output>
        CreateOfferRequest: MessageTypeDefinition<_omni_decisioning_v1_CreateOfferRequest, _omni_decisioning_v1_CreateOfferRequest__Output>
        CreateOfferResponse: MessageTypeDefinition<_omni_decisioning_v1_CreateOfferResponse, _omni_decisioning_v1_CreateOfferResponse__Output>
        CustomerCap: MessageTypeDefinition<_omni_decisioning_v1_CustomerCap, _omni_decisioning_v1_CustomerCap__Output>
        DecideRequest: MessageTypeDefinition<_omni_decisioning_v1_DecideRequest, _omni_decisioning_v1_DecideRequest__Output>
        DecideResponse: MessageTypeDefinition<_omni_decisioning_v1_DecideResponse, _omni_decisioning_v1_DecideResponse__Output>
        Decision: MessageTypeDefinition<_omni_decisioning_v1_Decision, _omni_decisioning_v1_Decision__Output>
        DecisioningService: SubtypeConstructor<typeof grpc.Client, _omni_decisioning_v1_DecisioningServiceClient> & { service: _omni_decisioning_v1_DecisioningServiceDefinition }
        Experiment: MessageTypeDefinition<_omni_decisioning_v1_Experiment, _omni_decisioning_v1_Experiment__Output>
        ExperimentArm: MessageTypeDefinition<_omni_decisioning_v1_ExperimentArm, _omni_decisioning_v1_ExperimentArm__Output>
        GetDecisionRequest: MessageTypeDefinition<_omni_decisioning_v1_GetDecisionRequest, _omni_decisioning_v1_GetDecisionRequest__Output>
        GetDecisionResponse: MessageTypeDefinition<_omni_decisioning_v1_GetDecisionResponse, _omni_decisioning_v1_GetDecisionResponse__Output>
        GetExperimentRequest: MessageTypeDefinition<_omni_decisioning_v1_GetExperimentRequest, _omni_decisioning_v1_GetExperimentRequest__Output>
        GetExperimentResponse: MessageTypeDefinition<_omni_decisioning_v1_GetExperimentResponse, _omni_decisioning_v1_GetExperimentResponse__Output>
        GetExperimentResultsRequest: MessageTypeDefinition<_omni_decisioning_v1_GetExperimentResultsRequest, _omni_decisioning_v1_GetExperimentResultsRequest__Output>
        GetExperimentResultsResponse: MessageTypeDefinition<_omni_decisioning_v1_GetExperimentResultsResponse, _omni_decisioning_v1_GetExperimentResultsResponse__Output>
        GetOfferRequest: MessageTypeDefinition<_omni_decisioning_v1_GetOfferRequest, _omni_decisioning_v1_GetOfferRequest__Output>
        GetOfferResponse: MessageTypeDefinition<_omni_decisioning_v1_GetOfferResponse, _omni_decisioning_v1_GetOfferResponse__Output>
        GlobalCap: MessageTypeDefinition<_omni_decisioning_v1_GlobalCap, _omni_decisioning_v1_GlobalCap__Output>
        ListOffersRequest: MessageTypeDefinition<_omni_decisioning_v1_ListOffersRequest, _omni_decisioning_v1_ListOffersRequest__Output>
        ListOffersResponse: MessageTypeDefinition<_omni_decisioning_v1_ListOffersResponse, _omni_decisioning_v1_ListOffersResponse__Output>
        Offer: MessageTypeDefinition<_omni_decisioning_v1_Offer, _omni_decisioning_v1_Offer__Output>
        OfferState: EnumTypeDefinition
        OutcomeKind: EnumTypeDefinition
        Placement: EnumTypeDefinition
        PlacementContent: MessageTypeDefinition<_omni_decisioning_v1_PlacementContent, _omni_decisioning_v1_PlacementContent__Output>
        PropensityModel: EnumTypeDefinition
        RankedChannel: MessageTypeDefinition<_omni_decisioning_v1_RankedChannel, _omni_decisioning_v1_RankedChannel__Output>
        RecordOutcomeRequest: MessageTypeDefinition<_omni_decisioning_v1_RecordOutcomeRequest, _omni_decisioning_v1_RecordOutcomeRequest__Output>
        RecordOutcomeResponse: MessageTypeDefinition<_omni_decisioning_v1_RecordOutcomeResponse, _omni_decisioning_v1_RecordOutcomeResponse__Output>
        RecordedOutcome: MessageTypeDefinition<_omni_decisioning_v1_RecordedOutcome, _omni_decisioning_v1_RecordedOutcome__Output>
        UpdateOfferRequest: MessageTypeDefinition<_omni_decisioning_v1_UpdateOfferRequest, _omni_decisioning_v1_UpdateOfferRequest__Output>
        UpdateOfferResponse: MessageTypeDefinition<_omni_decisioning_v1_UpdateOfferResponse, _omni_decisioning_v1_UpdateOfferResponse__Output>
      }
    }
  }
}

