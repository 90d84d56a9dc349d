// Original file: omni/decisioning/v1/decisioning.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ArchiveOfferRequest as _omni_decisioning_v1_ArchiveOfferRequest, ArchiveOfferRequest__Output as _omni_decisioning_v1_ArchiveOfferRequest__Output } from '../../../omni/decisioning/v1/ArchiveOfferRequest';
import type { ArchiveOfferResponse as _omni_decisioning_v1_ArchiveOfferResponse, ArchiveOfferResponse__Output as _omni_decisioning_v1_ArchiveOfferResponse__Output } from '../../../omni/decisioning/v1/ArchiveOfferResponse';
import type { AssignVariantRequest as _omni_decisioning_v1_AssignVariantRequest, AssignVariantRequest__Output as _omni_decisioning_v1_AssignVariantRequest__Output } from '../../../omni/decisioning/v1/AssignVariantRequest';
import type { AssignVariantResponse as _omni_decisioning_v1_AssignVariantResponse, AssignVariantResponse__Output as _omni_decisioning_v1_AssignVariantResponse__Output } from '../../../omni/decisioning/v1/AssignVariantResponse';
import type { BestSendTimeRequest as _omni_decisioning_v1_BestSendTimeRequest, BestSendTimeRequest__Output as _omni_decisioning_v1_BestSendTimeRequest__Output } from '../../../omni/decisioning/v1/BestSendTimeRequest';
import type { BestSendTimeResponse as _omni_decisioning_v1_BestSendTimeResponse, BestSendTimeResponse__Output as _omni_decisioning_v1_BestSendTimeResponse__Output } from '../../../omni/decisioning/v1/BestSendTimeResponse';
import type { ChooseChannelRequest as _omni_decisioning_v1_ChooseChannelRequest, ChooseChannelRequest__Output as _omni_decisioning_v1_ChooseChannelRequest__Output } from '../../../omni/decisioning/v1/ChooseChannelRequest';
import type { ChooseChannelResponse as _omni_decisioning_v1_ChooseChannelResponse, ChooseChannelResponse__Output as _omni_decisioning_v1_ChooseChannelResponse__Output } from '../../../omni/decisioning/v1/ChooseChannelResponse';
import type { CreateExperimentRequest as _omni_decisioning_v1_CreateExperimentRequest, CreateExperimentRequest__Output as _omni_decisioning_v1_CreateExperimentRequest__Output } from '../../../omni/decisioning/v1/CreateExperimentRequest';
import type { CreateExperimentResponse as _omni_decisioning_v1_CreateExperimentResponse, CreateExperimentResponse__Output as _omni_decisioning_v1_CreateExperimentResponse__Output } from '../../../omni/decisioning/v1/CreateExperimentResponse';
import type { CreateOfferRequest as _omni_decisioning_v1_CreateOfferRequest, CreateOfferRequest__Output as _omni_decisioning_v1_CreateOfferRequest__Output } from '../../../omni/decisioning/v1/CreateOfferRequest';
import type { CreateOfferResponse as _omni_decisioning_v1_CreateOfferResponse, CreateOfferResponse__Output as _omni_decisioning_v1_CreateOfferResponse__Output } from '../../../omni/decisioning/v1/CreateOfferResponse';
import type { DecideRequest as _omni_decisioning_v1_DecideRequest, DecideRequest__Output as _omni_decisioning_v1_DecideRequest__Output } from '../../../omni/decisioning/v1/DecideRequest';
import type { DecideResponse as _omni_decisioning_v1_DecideResponse, DecideResponse__Output as _omni_decisioning_v1_DecideResponse__Output } from '../../../omni/decisioning/v1/DecideResponse';
import type { GetDecisionRequest as _omni_decisioning_v1_GetDecisionRequest, GetDecisionRequest__Output as _omni_decisioning_v1_GetDecisionRequest__Output } from '../../../omni/decisioning/v1/GetDecisionRequest';
import type { GetDecisionResponse as _omni_decisioning_v1_GetDecisionResponse, GetDecisionResponse__Output as _omni_decisioning_v1_GetDecisionResponse__Output } from '../../../omni/decisioning/v1/GetDecisionResponse';
import type { GetExperimentRequest as _omni_decisioning_v1_GetExperimentRequest, GetExperimentRequest__Output as _omni_decisioning_v1_GetExperimentRequest__Output } from '../../../omni/decisioning/v1/GetExperimentRequest';
import type { GetExperimentResponse as _omni_decisioning_v1_GetExperimentResponse, GetExperimentResponse__Output as _omni_decisioning_v1_GetExperimentResponse__Output } from '../../../omni/decisioning/v1/GetExperimentResponse';
import type { GetExperimentResultsRequest as _omni_decisioning_v1_GetExperimentResultsRequest, GetExperimentResultsRequest__Output as _omni_decisioning_v1_GetExperimentResultsRequest__Output } from '../../../omni/decisioning/v1/GetExperimentResultsRequest';
import type { GetExperimentResultsResponse as _omni_decisioning_v1_GetExperimentResultsResponse, GetExperimentResultsResponse__Output as _omni_decisioning_v1_GetExperimentResultsResponse__Output } from '../../../omni/decisioning/v1/GetExperimentResultsResponse';
import type { GetOfferRequest as _omni_decisioning_v1_GetOfferRequest, GetOfferRequest__Output as _omni_decisioning_v1_GetOfferRequest__Output } from '../../../omni/decisioning/v1/GetOfferRequest';
import type { GetOfferResponse as _omni_decisioning_v1_GetOfferResponse, GetOfferResponse__Output as _omni_decisioning_v1_GetOfferResponse__Output } from '../../../omni/decisioning/v1/GetOfferResponse';
import type { ListOffersRequest as _omni_decisioning_v1_ListOffersRequest, ListOffersRequest__Output as _omni_decisioning_v1_ListOffersRequest__Output } from '../../../omni/decisioning/v1/ListOffersRequest';
import type { ListOffersResponse as _omni_decisioning_v1_ListOffersResponse, ListOffersResponse__Output as _omni_decisioning_v1_ListOffersResponse__Output } from '../../../omni/decisioning/v1/ListOffersResponse';
import type { RecordOutcomeRequest as _omni_decisioning_v1_RecordOutcomeRequest, RecordOutcomeRequest__Output as _omni_decisioning_v1_RecordOutcomeRequest__Output } from '../../../omni/decisioning/v1/RecordOutcomeRequest';
import type { RecordOutcomeResponse as _omni_decisioning_v1_RecordOutcomeResponse, RecordOutcomeResponse__Output as _omni_decisioning_v1_RecordOutcomeResponse__Output } from '../../../omni/decisioning/v1/RecordOutcomeResponse';
import type { UpdateOfferRequest as _omni_decisioning_v1_UpdateOfferRequest, UpdateOfferRequest__Output as _omni_decisioning_v1_UpdateOfferRequest__Output } from '../../../omni/decisioning/v1/UpdateOfferRequest';
import type { UpdateOfferResponse as _omni_decisioning_v1_UpdateOfferResponse, UpdateOfferResponse__Output as _omni_decisioning_v1_UpdateOfferResponse__Output } from '../../../omni/decisioning/v1/UpdateOfferResponse';

export interface DecisioningServiceClient extends grpc.Client {
  ArchiveOffer(argument: _omni_decisioning_v1_ArchiveOfferRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_ArchiveOfferResponse__Output>): grpc.ClientUnaryCall;
  ArchiveOffer(argument: _omni_decisioning_v1_ArchiveOfferRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_ArchiveOfferResponse__Output>): grpc.ClientUnaryCall;
  ArchiveOffer(argument: _omni_decisioning_v1_ArchiveOfferRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_ArchiveOfferResponse__Output>): grpc.ClientUnaryCall;
  ArchiveOffer(argument: _omni_decisioning_v1_ArchiveOfferRequest, callback: grpc.requestCallback<_omni_decisioning_v1_ArchiveOfferResponse__Output>): grpc.ClientUnaryCall;
  archiveOffer(argument: _omni_decisioning_v1_ArchiveOfferRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_ArchiveOfferResponse__Output>): grpc.ClientUnaryCall;
  archiveOffer(argument: _omni_decisioning_v1_ArchiveOfferRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_ArchiveOfferResponse__Output>): grpc.ClientUnaryCall;
  archiveOffer(argument: _omni_decisioning_v1_ArchiveOfferRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_ArchiveOfferResponse__Output>): grpc.ClientUnaryCall;
  archiveOffer(argument: _omni_decisioning_v1_ArchiveOfferRequest, callback: grpc.requestCallback<_omni_decisioning_v1_ArchiveOfferResponse__Output>): grpc.ClientUnaryCall;
  
  AssignVariant(argument: _omni_decisioning_v1_AssignVariantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_AssignVariantResponse__Output>): grpc.ClientUnaryCall;
  AssignVariant(argument: _omni_decisioning_v1_AssignVariantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_AssignVariantResponse__Output>): grpc.ClientUnaryCall;
  AssignVariant(argument: _omni_decisioning_v1_AssignVariantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_AssignVariantResponse__Output>): grpc.ClientUnaryCall;
  AssignVariant(argument: _omni_decisioning_v1_AssignVariantRequest, callback: grpc.requestCallback<_omni_decisioning_v1_AssignVariantResponse__Output>): grpc.ClientUnaryCall;
  assignVariant(argument: _omni_decisioning_v1_AssignVariantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_AssignVariantResponse__Output>): grpc.ClientUnaryCall;
  assignVariant(argument: _omni_decisioning_v1_AssignVariantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_AssignVariantResponse__Output>): grpc.ClientUnaryCall;
  assignVariant(argument: _omni_decisioning_v1_AssignVariantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_AssignVariantResponse__Output>): grpc.ClientUnaryCall;
  assignVariant(argument: _omni_decisioning_v1_AssignVariantRequest, callback: grpc.requestCallback<_omni_decisioning_v1_AssignVariantResponse__Output>): grpc.ClientUnaryCall;
  
  BestSendTime(argument: _omni_decisioning_v1_BestSendTimeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_BestSendTimeResponse__Output>): grpc.ClientUnaryCall;
  BestSendTime(argument: _omni_decisioning_v1_BestSendTimeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_BestSendTimeResponse__Output>): grpc.ClientUnaryCall;
  BestSendTime(argument: _omni_decisioning_v1_BestSendTimeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_BestSendTimeResponse__Output>): grpc.ClientUnaryCall;
  BestSendTime(argument: _omni_decisioning_v1_BestSendTimeRequest, callback: grpc.requestCallback<_omni_decisioning_v1_BestSendTimeResponse__Output>): grpc.ClientUnaryCall;
  bestSendTime(argument: _omni_decisioning_v1_BestSendTimeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_BestSendTimeResponse__Output>): grpc.ClientUnaryCall;
  bestSendTime(argument: _omni_decisioning_v1_BestSendTimeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_BestSendTimeResponse__Output>): grpc.ClientUnaryCall;
  bestSendTime(argument: _omni_decisioning_v1_BestSendTimeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_BestSendTimeResponse__Output>): grpc.ClientUnaryCall;
  bestSendTime(argument: _omni_decisioning_v1_BestSendTimeRequest, callback: grpc.requestCallback<_omni_decisioning_v1_BestSendTimeResponse__Output>): grpc.ClientUnaryCall;
  
  ChooseChannel(argument: _omni_decisioning_v1_ChooseChannelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_ChooseChannelResponse__Output>): grpc.ClientUnaryCall;
  ChooseChannel(argument: _omni_decisioning_v1_ChooseChannelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_ChooseChannelResponse__Output>): grpc.ClientUnaryCall;
  ChooseChannel(argument: _omni_decisioning_v1_ChooseChannelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_ChooseChannelResponse__Output>): grpc.ClientUnaryCall;
  ChooseChannel(argument: _omni_decisioning_v1_ChooseChannelRequest, callback: grpc.requestCallback<_omni_decisioning_v1_ChooseChannelResponse__Output>): grpc.ClientUnaryCall;
  chooseChannel(argument: _omni_decisioning_v1_ChooseChannelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_ChooseChannelResponse__Output>): grpc.ClientUnaryCall;
  chooseChannel(argument: _omni_decisioning_v1_ChooseChannelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_ChooseChannelResponse__Output>): grpc.ClientUnaryCall;
  chooseChannel(argument: _omni_decisioning_v1_ChooseChannelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_ChooseChannelResponse__Output>): grpc.ClientUnaryCall;
  chooseChannel(argument: _omni_decisioning_v1_ChooseChannelRequest, callback: grpc.requestCallback<_omni_decisioning_v1_ChooseChannelResponse__Output>): grpc.ClientUnaryCall;
  
  CreateExperiment(argument: _omni_decisioning_v1_CreateExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  CreateExperiment(argument: _omni_decisioning_v1_CreateExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  CreateExperiment(argument: _omni_decisioning_v1_CreateExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  CreateExperiment(argument: _omni_decisioning_v1_CreateExperimentRequest, callback: grpc.requestCallback<_omni_decisioning_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  createExperiment(argument: _omni_decisioning_v1_CreateExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  createExperiment(argument: _omni_decisioning_v1_CreateExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  createExperiment(argument: _omni_decisioning_v1_CreateExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  createExperiment(argument: _omni_decisioning_v1_CreateExperimentRequest, callback: grpc.requestCallback<_omni_decisioning_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  
  CreateOffer(argument: _omni_decisioning_v1_CreateOfferRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_CreateOfferResponse__Output>): grpc.ClientUnaryCall;
  CreateOffer(argument: _omni_decisioning_v1_CreateOfferRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_CreateOfferResponse__Output>): grpc.ClientUnaryCall;
  CreateOffer(argument: _omni_decisioning_v1_CreateOfferRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_CreateOfferResponse__Output>): grpc.ClientUnaryCall;
  CreateOffer(argument: _omni_decisioning_v1_CreateOfferRequest, callback: grpc.requestCallback<_omni_decisioning_v1_CreateOfferResponse__Output>): grpc.ClientUnaryCall;
  createOffer(argument: _omni_decisioning_v1_CreateOfferRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_CreateOfferResponse__Output>): grpc.ClientUnaryCall;
  createOffer(argument: _omni_decisioning_v1_CreateOfferRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_CreateOfferResponse__Output>): grpc.ClientUnaryCall;
  createOffer(argument: _omni_decisioning_v1_CreateOfferRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_CreateOfferResponse__Output>): grpc.ClientUnaryCall;
  createOffer(argument: _omni_decisioning_v1_CreateOfferRequest, callback: grpc.requestCallback<_omni_decisioning_v1_CreateOfferResponse__Output>): grpc.ClientUnaryCall;
  
  Decide(argument: _omni_decisioning_v1_DecideRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_DecideResponse__Output>): grpc.ClientUnaryCall;
  Decide(argument: _omni_decisioning_v1_DecideRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_DecideResponse__Output>): grpc.ClientUnaryCall;
  Decide(argument: _omni_decisioning_v1_DecideRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_DecideResponse__Output>): grpc.ClientUnaryCall;
  Decide(argument: _omni_decisioning_v1_DecideRequest, callback: grpc.requestCallback<_omni_decisioning_v1_DecideResponse__Output>): grpc.ClientUnaryCall;
  decide(argument: _omni_decisioning_v1_DecideRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_DecideResponse__Output>): grpc.ClientUnaryCall;
  decide(argument: _omni_decisioning_v1_DecideRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_DecideResponse__Output>): grpc.ClientUnaryCall;
  decide(argument: _omni_decisioning_v1_DecideRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_DecideResponse__Output>): grpc.ClientUnaryCall;
  decide(argument: _omni_decisioning_v1_DecideRequest, callback: grpc.requestCallback<_omni_decisioning_v1_DecideResponse__Output>): grpc.ClientUnaryCall;
  
  GetDecision(argument: _omni_decisioning_v1_GetDecisionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetDecisionResponse__Output>): grpc.ClientUnaryCall;
  GetDecision(argument: _omni_decisioning_v1_GetDecisionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_GetDecisionResponse__Output>): grpc.ClientUnaryCall;
  GetDecision(argument: _omni_decisioning_v1_GetDecisionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetDecisionResponse__Output>): grpc.ClientUnaryCall;
  GetDecision(argument: _omni_decisioning_v1_GetDecisionRequest, callback: grpc.requestCallback<_omni_decisioning_v1_GetDecisionResponse__Output>): grpc.ClientUnaryCall;
  getDecision(argument: _omni_decisioning_v1_GetDecisionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetDecisionResponse__Output>): grpc.ClientUnaryCall;
  getDecision(argument: _omni_decisioning_v1_GetDecisionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_GetDecisionResponse__Output>): grpc.ClientUnaryCall;
  getDecision(argument: _omni_decisioning_v1_GetDecisionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetDecisionResponse__Output>): grpc.ClientUnaryCall;
  getDecision(argument: _omni_decisioning_v1_GetDecisionRequest, callback: grpc.requestCallback<_omni_decisioning_v1_GetDecisionResponse__Output>): grpc.ClientUnaryCall;
  
  GetExperiment(argument: _omni_decisioning_v1_GetExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  GetExperiment(argument: _omni_decisioning_v1_GetExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  GetExperiment(argument: _omni_decisioning_v1_GetExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  GetExperiment(argument: _omni_decisioning_v1_GetExperimentRequest, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _omni_decisioning_v1_GetExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _omni_decisioning_v1_GetExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _omni_decisioning_v1_GetExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _omni_decisioning_v1_GetExperimentRequest, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  
  GetExperimentResults(argument: _omni_decisioning_v1_GetExperimentResultsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResultsResponse__Output>): grpc.ClientUnaryCall;
  GetExperimentResults(argument: _omni_decisioning_v1_GetExperimentResultsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResultsResponse__Output>): grpc.ClientUnaryCall;
  GetExperimentResults(argument: _omni_decisioning_v1_GetExperimentResultsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResultsResponse__Output>): grpc.ClientUnaryCall;
  GetExperimentResults(argument: _omni_decisioning_v1_GetExperimentResultsRequest, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResultsResponse__Output>): grpc.ClientUnaryCall;
  getExperimentResults(argument: _omni_decisioning_v1_GetExperimentResultsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResultsResponse__Output>): grpc.ClientUnaryCall;
  getExperimentResults(argument: _omni_decisioning_v1_GetExperimentResultsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResultsResponse__Output>): grpc.ClientUnaryCall;
  getExperimentResults(argument: _omni_decisioning_v1_GetExperimentResultsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResultsResponse__Output>): grpc.ClientUnaryCall;
  getExperimentResults(argument: _omni_decisioning_v1_GetExperimentResultsRequest, callback: grpc.requestCallback<_omni_decisioning_v1_GetExperimentResultsResponse__Output>): grpc.ClientUnaryCall;
  
  GetOffer(argument: _omni_decisioning_v1_GetOfferRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetOfferResponse__Output>): grpc.ClientUnaryCall;
  GetOffer(argument: _omni_decisioning_v1_GetOfferRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_GetOfferResponse__Output>): grpc.ClientUnaryCall;
  GetOffer(argument: _omni_decisioning_v1_GetOfferRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetOfferResponse__Output>): grpc.ClientUnaryCall;
  GetOffer(argument: _omni_decisioning_v1_GetOfferRequest, callback: grpc.requestCallback<_omni_decisioning_v1_GetOfferResponse__Output>): grpc.ClientUnaryCall;
  getOffer(argument: _omni_decisioning_v1_GetOfferRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetOfferResponse__Output>): grpc.ClientUnaryCall;
  getOffer(argument: _omni_decisioning_v1_GetOfferRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_GetOfferResponse__Output>): grpc.ClientUnaryCall;
  getOffer(argument: _omni_decisioning_v1_GetOfferRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_GetOfferResponse__Output>): grpc.ClientUnaryCall;
  getOffer(argument: _omni_decisioning_v1_GetOfferRequest, callback: grpc.requestCallback<_omni_decisioning_v1_GetOfferResponse__Output>): grpc.ClientUnaryCall;
  
  ListOffers(argument: _omni_decisioning_v1_ListOffersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_ListOffersResponse__Output>): grpc.ClientUnaryCall;
  ListOffers(argument: _omni_decisioning_v1_ListOffersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_ListOffersResponse__Output>): grpc.ClientUnaryCall;
  ListOffers(argument: _omni_decisioning_v1_ListOffersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_ListOffersResponse__Output>): grpc.ClientUnaryCall;
  ListOffers(argument: _omni_decisioning_v1_ListOffersRequest, callback: grpc.requestCallback<_omni_decisioning_v1_ListOffersResponse__Output>): grpc.ClientUnaryCall;
  listOffers(argument: _omni_decisioning_v1_ListOffersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_ListOffersResponse__Output>): grpc.ClientUnaryCall;
  listOffers(argument: _omni_decisioning_v1_ListOffersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_ListOffersResponse__Output>): grpc.ClientUnaryCall;
  listOffers(argument: _omni_decisioning_v1_ListOffersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_ListOffersResponse__Output>): grpc.ClientUnaryCall;
  listOffers(argument: _omni_decisioning_v1_ListOffersRequest, callback: grpc.requestCallback<_omni_decisioning_v1_ListOffersResponse__Output>): grpc.ClientUnaryCall;
  
  RecordOutcome(argument: _omni_decisioning_v1_RecordOutcomeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
  RecordOutcome(argument: _omni_decisioning_v1_RecordOutcomeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
  RecordOutcome(argument: _omni_decisioning_v1_RecordOutcomeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
  RecordOutcome(argument: _omni_decisioning_v1_RecordOutcomeRequest, callback: grpc.requestCallback<_omni_decisioning_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
  recordOutcome(argument: _omni_decisioning_v1_RecordOutcomeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
  recordOutcome(argument: _omni_decisioning_v1_RecordOutcomeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
  recordOutcome(argument: _omni_decisioning_v1_RecordOutcomeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
  recordOutcome(argument: _omni_decisioning_v1_RecordOutcomeRequest, callback: grpc.requestCallback<_omni_decisioning_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateOffer(argument: _omni_decisioning_v1_UpdateOfferRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_UpdateOfferResponse__Output>): grpc.ClientUnaryCall;
  UpdateOffer(argument: _omni_decisioning_v1_UpdateOfferRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_UpdateOfferResponse__Output>): grpc.ClientUnaryCall;
  UpdateOffer(argument: _omni_decisioning_v1_UpdateOfferRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_UpdateOfferResponse__Output>): grpc.ClientUnaryCall;
  UpdateOffer(argument: _omni_decisioning_v1_UpdateOfferRequest, callback: grpc.requestCallback<_omni_decisioning_v1_UpdateOfferResponse__Output>): grpc.ClientUnaryCall;
  updateOffer(argument: _omni_decisioning_v1_UpdateOfferRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_UpdateOfferResponse__Output>): grpc.ClientUnaryCall;
  updateOffer(argument: _omni_decisioning_v1_UpdateOfferRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_decisioning_v1_UpdateOfferResponse__Output>): grpc.ClientUnaryCall;
  updateOffer(argument: _omni_decisioning_v1_UpdateOfferRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_decisioning_v1_UpdateOfferResponse__Output>): grpc.ClientUnaryCall;
  updateOffer(argument: _omni_decisioning_v1_UpdateOfferRequest, callback: grpc.requestCallback<_omni_decisioning_v1_UpdateOfferResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface DecisioningServiceHandlers extends grpc.UntypedServiceImplementation {
  ArchiveOffer: grpc.handleUnaryCall<_omni_decisioning_v1_ArchiveOfferRequest__Output, _omni_decisioning_v1_ArchiveOfferResponse>;
  
  AssignVariant: grpc.handleUnaryCall<_omni_decisioning_v1_AssignVariantRequest__Output, _omni_decisioning_v1_AssignVariantResponse>;
  
  BestSendTime: grpc.handleUnaryCall<_omni_decisioning_v1_BestSendTimeRequest__Output, _omni_decisioning_v1_BestSendTimeResponse>;
  
  ChooseChannel: grpc.handleUnaryCall<_omni_decisioning_v1_ChooseChannelRequest__Output, _omni_decisioning_v1_ChooseChannelResponse>;
  
  CreateExperiment: grpc.handleUnaryCall<_omni_decisioning_v1_CreateExperimentRequest__Output, _omni_decisioning_v1_CreateExperimentResponse>;
  
  CreateOffer: grpc.handleUnaryCall<_omni_decisioning_v1_CreateOfferRequest__Output, _omni_decisioning_v1_CreateOfferResponse>;
  
  Decide: grpc.handleUnaryCall<_omni_decisioning_v1_DecideRequest__Output, _omni_decisioning_v1_DecideResponse>;
  
  GetDecision: grpc.handleUnaryCall<_omni_decisioning_v1_GetDecisionRequest__Output, _omni_decisioning_v1_GetDecisionResponse>;
  
  GetExperiment: grpc.handleUnaryCall<_omni_decisioning_v1_GetExperimentRequest__Output, _omni_decisioning_v1_GetExperimentResponse>;
  
  GetExperimentResults: grpc.handleUnaryCall<_omni_decisioning_v1_GetExperimentResultsRequest__Output, _omni_decisioning_v1_GetExperimentResultsResponse>;
  
  GetOffer: grpc.handleUnaryCall<_omni_decisioning_v1_GetOfferRequest__Output, _omni_decisioning_v1_GetOfferResponse>;
  
  ListOffers: grpc.handleUnaryCall<_omni_decisioning_v1_ListOffersRequest__Output, _omni_decisioning_v1_ListOffersResponse>;
  
  RecordOutcome: grpc.handleUnaryCall<_omni_decisioning_v1_RecordOutcomeRequest__Output, _omni_decisioning_v1_RecordOutcomeResponse>;
  
  UpdateOffer: grpc.handleUnaryCall<_omni_decisioning_v1_UpdateOfferRequest__Output, _omni_decisioning_v1_UpdateOfferResponse>;
  
}

export interface DecisioningServiceDefinition extends grpc.ServiceDefinition {
  ArchiveOffer: MethodDefinition<_omni_decisioning_v1_ArchiveOfferRequest, _omni_decisioning_v1_ArchiveOfferResponse, _omni_decisioning_v1_ArchiveOfferRequest__Output, _omni_decisioning_v1_ArchiveOfferResponse__Output>
  AssignVariant: MethodDefinition<_omni_decisioning_v1_AssignVariantRequest, _omni_decisioning_v1_AssignVariantResponse, _omni_decisioning_v1_AssignVariantRequest__Output, _omni_decisioning_v1_AssignVariantResponse__Output>
  BestSendTime: MethodDefinition<_omni_decisioning_v1_BestSendTimeRequest, _omni_decisioning_v1_BestSendTimeResponse, _omni_decisioning_v1_BestSendTimeRequest__Output, _omni_decisioning_v1_BestSendTimeResponse__Output>
  ChooseChannel: MethodDefinition<_omni_decisioning_v1_ChooseChannelRequest, _omni_decisioning_v1_ChooseChannelResponse, _omni_decisioning_v1_ChooseChannelRequest__Output, _omni_decisioning_v1_ChooseChannelResponse__Output>
  CreateExperiment: MethodDefinition<_omni_decisioning_v1_CreateExperimentRequest, _omni_decisioning_v1_CreateExperimentResponse, _omni_decisioning_v1_CreateExperimentRequest__Output, _omni_decisioning_v1_CreateExperimentResponse__Output>
  CreateOffer: MethodDefinition<_omni_decisioning_v1_CreateOfferRequest, _omni_decisioning_v1_CreateOfferResponse, _omni_decisioning_v1_CreateOfferRequest__Output, _omni_decisioning_v1_CreateOfferResponse__Output>
  Decide: MethodDefinition<_omni_decisioning_v1_DecideRequest, _omni_decisioning_v1_DecideResponse, _omni_decisioning_v1_DecideRequest__Output, _omni_decisioning_v1_DecideResponse__Output>
  GetDecision: MethodDefinition<_omni_decisioning_v1_GetDecisionRequest, _omni_decisioning_v1_GetDecisionResponse, _omni_decisioning_v1_GetDecisionRequest__Output, _omni_decisioning_v1_GetDecisionResponse__Output>
  GetExperiment: MethodDefinition<_omni_decisioning_v1_GetExperimentRequest, _omni_decisioning_v1_GetExperimentResponse, _omni_decisioning_v1_GetExperimentRequest__Output, _omni_decisioning_v1_GetExperimentResponse__Output>
  GetExperimentResults: MethodDefinition<_omni_decisioning_v1_GetExperimentResultsRequest, _omni_decisioning_v1_GetExperimentResultsResponse, _omni_decisioning_v1_GetExperimentResultsRequest__Output, _omni_decisioning_v1_GetExperimentResultsResponse__Output>
  GetOffer: MethodDefinition<_omni_decisioning_v1_GetOfferRequest, _omni_decisioning_v1_GetOfferResponse, _omni_decisioning_v1_GetOfferRequest__Output, _omni_decisioning_v1_GetOfferResponse__Output>
  ListOffers: MethodDefinition<_omni_decisioning_v1_ListOffersRequest, _omni_decisioning_v1_ListOffersResponse, _omni_decisioning_v1_ListOffersRequest__Output, _omni_decisioning_v1_ListOffersResponse__Output>
  RecordOutcome: MethodDefinition<_omni_decisioning_v1_RecordOutcomeRequest, _omni_decisioning_v1_RecordOutcomeResponse, _omni_decisioning_v1_RecordOutcomeRequest__Output, _omni_decisioning_v1_RecordOutcomeResponse__Output>
  UpdateOffer: MethodDefinition<_omni_decisioning_v1_UpdateOfferRequest, _omni_decisioning_v1_UpdateOfferResponse, _omni_decisioning_v1_UpdateOfferRequest__Output, _omni_decisioning_v1_UpdateOfferResponse__Output>
}
