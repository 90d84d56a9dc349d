// Original file: omni/journey/v1/journey.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ApproveJourneyRequest as _omni_journey_v1_ApproveJourneyRequest, ApproveJourneyRequest__Output as _omni_journey_v1_ApproveJourneyRequest__Output } from '../../../omni/journey/v1/ApproveJourneyRequest';
import type { ApproveJourneyResponse as _omni_journey_v1_ApproveJourneyResponse, ApproveJourneyResponse__Output as _omni_journey_v1_ApproveJourneyResponse__Output } from '../../../omni/journey/v1/ApproveJourneyResponse';
import type { CreateJourneyRequest as _omni_journey_v1_CreateJourneyRequest, CreateJourneyRequest__Output as _omni_journey_v1_CreateJourneyRequest__Output } from '../../../omni/journey/v1/CreateJourneyRequest';
import type { CreateJourneyResponse as _omni_journey_v1_CreateJourneyResponse, CreateJourneyResponse__Output as _omni_journey_v1_CreateJourneyResponse__Output } from '../../../omni/journey/v1/CreateJourneyResponse';
import type { EnrollCustomerRequest as _omni_journey_v1_EnrollCustomerRequest, EnrollCustomerRequest__Output as _omni_journey_v1_EnrollCustomerRequest__Output } from '../../../omni/journey/v1/EnrollCustomerRequest';
import type { EnrollCustomerResponse as _omni_journey_v1_EnrollCustomerResponse, EnrollCustomerResponse__Output as _omni_journey_v1_EnrollCustomerResponse__Output } from '../../../omni/journey/v1/EnrollCustomerResponse';
import type { GetJourneyRequest as _omni_journey_v1_GetJourneyRequest, GetJourneyRequest__Output as _omni_journey_v1_GetJourneyRequest__Output } from '../../../omni/journey/v1/GetJourneyRequest';
import type { GetJourneyResponse as _omni_journey_v1_GetJourneyResponse, GetJourneyResponse__Output as _omni_journey_v1_GetJourneyResponse__Output } from '../../../omni/journey/v1/GetJourneyResponse';
import type { GetJourneyReviewRequest as _omni_journey_v1_GetJourneyReviewRequest, GetJourneyReviewRequest__Output as _omni_journey_v1_GetJourneyReviewRequest__Output } from '../../../omni/journey/v1/GetJourneyReviewRequest';
import type { GetJourneyReviewResponse as _omni_journey_v1_GetJourneyReviewResponse, GetJourneyReviewResponse__Output as _omni_journey_v1_GetJourneyReviewResponse__Output } from '../../../omni/journey/v1/GetJourneyReviewResponse';
import type { GetJourneyReviewSettingsRequest as _omni_journey_v1_GetJourneyReviewSettingsRequest, GetJourneyReviewSettingsRequest__Output as _omni_journey_v1_GetJourneyReviewSettingsRequest__Output } from '../../../omni/journey/v1/GetJourneyReviewSettingsRequest';
import type { GetJourneyReviewSettingsResponse as _omni_journey_v1_GetJourneyReviewSettingsResponse, GetJourneyReviewSettingsResponse__Output as _omni_journey_v1_GetJourneyReviewSettingsResponse__Output } from '../../../omni/journey/v1/GetJourneyReviewSettingsResponse';
import type { GetJourneyStatsRequest as _omni_journey_v1_GetJourneyStatsRequest, GetJourneyStatsRequest__Output as _omni_journey_v1_GetJourneyStatsRequest__Output } from '../../../omni/journey/v1/GetJourneyStatsRequest';
import type { GetJourneyStatsResponse as _omni_journey_v1_GetJourneyStatsResponse, GetJourneyStatsResponse__Output as _omni_journey_v1_GetJourneyStatsResponse__Output } from '../../../omni/journey/v1/GetJourneyStatsResponse';
import type { GetRunRequest as _omni_journey_v1_GetRunRequest, GetRunRequest__Output as _omni_journey_v1_GetRunRequest__Output } from '../../../omni/journey/v1/GetRunRequest';
import type { GetRunResponse as _omni_journey_v1_GetRunResponse, GetRunResponse__Output as _omni_journey_v1_GetRunResponse__Output } from '../../../omni/journey/v1/GetRunResponse';
import type { ListJourneyReviewsRequest as _omni_journey_v1_ListJourneyReviewsRequest, ListJourneyReviewsRequest__Output as _omni_journey_v1_ListJourneyReviewsRequest__Output } from '../../../omni/journey/v1/ListJourneyReviewsRequest';
import type { ListJourneyReviewsResponse as _omni_journey_v1_ListJourneyReviewsResponse, ListJourneyReviewsResponse__Output as _omni_journey_v1_ListJourneyReviewsResponse__Output } from '../../../omni/journey/v1/ListJourneyReviewsResponse';
import type { ListRunsRequest as _omni_journey_v1_ListRunsRequest, ListRunsRequest__Output as _omni_journey_v1_ListRunsRequest__Output } from '../../../omni/journey/v1/ListRunsRequest';
import type { ListRunsResponse as _omni_journey_v1_ListRunsResponse, ListRunsResponse__Output as _omni_journey_v1_ListRunsResponse__Output } from '../../../omni/journey/v1/ListRunsResponse';
import type { PauseJourneyRequest as _omni_journey_v1_PauseJourneyRequest, PauseJourneyRequest__Output as _omni_journey_v1_PauseJourneyRequest__Output } from '../../../omni/journey/v1/PauseJourneyRequest';
import type { PauseJourneyResponse as _omni_journey_v1_PauseJourneyResponse, PauseJourneyResponse__Output as _omni_journey_v1_PauseJourneyResponse__Output } from '../../../omni/journey/v1/PauseJourneyResponse';
import type { PublishJourneyRequest as _omni_journey_v1_PublishJourneyRequest, PublishJourneyRequest__Output as _omni_journey_v1_PublishJourneyRequest__Output } from '../../../omni/journey/v1/PublishJourneyRequest';
import type { PublishJourneyResponse as _omni_journey_v1_PublishJourneyResponse, PublishJourneyResponse__Output as _omni_journey_v1_PublishJourneyResponse__Output } from '../../../omni/journey/v1/PublishJourneyResponse';
import type { RejectJourneyRequest as _omni_journey_v1_RejectJourneyRequest, RejectJourneyRequest__Output as _omni_journey_v1_RejectJourneyRequest__Output } from '../../../omni/journey/v1/RejectJourneyRequest';
import type { RejectJourneyResponse as _omni_journey_v1_RejectJourneyResponse, RejectJourneyResponse__Output as _omni_journey_v1_RejectJourneyResponse__Output } from '../../../omni/journey/v1/RejectJourneyResponse';
import type { ResumeJourneyRequest as _omni_journey_v1_ResumeJourneyRequest, ResumeJourneyRequest__Output as _omni_journey_v1_ResumeJourneyRequest__Output } from '../../../omni/journey/v1/ResumeJourneyRequest';
import type { ResumeJourneyResponse as _omni_journey_v1_ResumeJourneyResponse, ResumeJourneyResponse__Output as _omni_journey_v1_ResumeJourneyResponse__Output } from '../../../omni/journey/v1/ResumeJourneyResponse';
import type { SimulateJourneyRequest as _omni_journey_v1_SimulateJourneyRequest, SimulateJourneyRequest__Output as _omni_journey_v1_SimulateJourneyRequest__Output } from '../../../omni/journey/v1/SimulateJourneyRequest';
import type { SimulateJourneyResponse as _omni_journey_v1_SimulateJourneyResponse, SimulateJourneyResponse__Output as _omni_journey_v1_SimulateJourneyResponse__Output } from '../../../omni/journey/v1/SimulateJourneyResponse';
import type { StopJourneyRequest as _omni_journey_v1_StopJourneyRequest, StopJourneyRequest__Output as _omni_journey_v1_StopJourneyRequest__Output } from '../../../omni/journey/v1/StopJourneyRequest';
import type { StopJourneyResponse as _omni_journey_v1_StopJourneyResponse, StopJourneyResponse__Output as _omni_journey_v1_StopJourneyResponse__Output } from '../../../omni/journey/v1/StopJourneyResponse';
import type { SubmitJourneyForReviewRequest as _omni_journey_v1_SubmitJourneyForReviewRequest, SubmitJourneyForReviewRequest__Output as _omni_journey_v1_SubmitJourneyForReviewRequest__Output } from '../../../omni/journey/v1/SubmitJourneyForReviewRequest';
import type { SubmitJourneyForReviewResponse as _omni_journey_v1_SubmitJourneyForReviewResponse, SubmitJourneyForReviewResponse__Output as _omni_journey_v1_SubmitJourneyForReviewResponse__Output } from '../../../omni/journey/v1/SubmitJourneyForReviewResponse';
import type { UpdateJourneyDraftRequest as _omni_journey_v1_UpdateJourneyDraftRequest, UpdateJourneyDraftRequest__Output as _omni_journey_v1_UpdateJourneyDraftRequest__Output } from '../../../omni/journey/v1/UpdateJourneyDraftRequest';
import type { UpdateJourneyDraftResponse as _omni_journey_v1_UpdateJourneyDraftResponse, UpdateJourneyDraftResponse__Output as _omni_journey_v1_UpdateJourneyDraftResponse__Output } from '../../../omni/journey/v1/UpdateJourneyDraftResponse';
import type { UpdateJourneyReviewSettingsRequest as _omni_journey_v1_UpdateJourneyReviewSettingsRequest, UpdateJourneyReviewSettingsRequest__Output as _omni_journey_v1_UpdateJourneyReviewSettingsRequest__Output } from '../../../omni/journey/v1/UpdateJourneyReviewSettingsRequest';
import type { UpdateJourneyReviewSettingsResponse as _omni_journey_v1_UpdateJourneyReviewSettingsResponse, UpdateJourneyReviewSettingsResponse__Output as _omni_journey_v1_UpdateJourneyReviewSettingsResponse__Output } from '../../../omni/journey/v1/UpdateJourneyReviewSettingsResponse';
import type { ValidateJourneyRequest as _omni_journey_v1_ValidateJourneyRequest, ValidateJourneyRequest__Output as _omni_journey_v1_ValidateJourneyRequest__Output } from '../../../omni/journey/v1/ValidateJourneyRequest';
import type { ValidateJourneyResponse as _omni_journey_v1_ValidateJourneyResponse, ValidateJourneyResponse__Output as _omni_journey_v1_ValidateJourneyResponse__Output } from '../../../omni/journey/v1/ValidateJourneyResponse';

export interface JourneyServiceClient extends grpc.Client {
  ApproveJourney(argument: _omni_journey_v1_ApproveJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ApproveJourneyResponse__Output>): grpc.ClientUnaryCall;
  ApproveJourney(argument: _omni_journey_v1_ApproveJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_ApproveJourneyResponse__Output>): grpc.ClientUnaryCall;
  ApproveJourney(argument: _omni_journey_v1_ApproveJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ApproveJourneyResponse__Output>): grpc.ClientUnaryCall;
  ApproveJourney(argument: _omni_journey_v1_ApproveJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_ApproveJourneyResponse__Output>): grpc.ClientUnaryCall;
  approveJourney(argument: _omni_journey_v1_ApproveJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ApproveJourneyResponse__Output>): grpc.ClientUnaryCall;
  approveJourney(argument: _omni_journey_v1_ApproveJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_ApproveJourneyResponse__Output>): grpc.ClientUnaryCall;
  approveJourney(argument: _omni_journey_v1_ApproveJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ApproveJourneyResponse__Output>): grpc.ClientUnaryCall;
  approveJourney(argument: _omni_journey_v1_ApproveJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_ApproveJourneyResponse__Output>): grpc.ClientUnaryCall;
  
  CreateJourney(argument: _omni_journey_v1_CreateJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_CreateJourneyResponse__Output>): grpc.ClientUnaryCall;
  CreateJourney(argument: _omni_journey_v1_CreateJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_CreateJourneyResponse__Output>): grpc.ClientUnaryCall;
  CreateJourney(argument: _omni_journey_v1_CreateJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_CreateJourneyResponse__Output>): grpc.ClientUnaryCall;
  CreateJourney(argument: _omni_journey_v1_CreateJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_CreateJourneyResponse__Output>): grpc.ClientUnaryCall;
  createJourney(argument: _omni_journey_v1_CreateJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_CreateJourneyResponse__Output>): grpc.ClientUnaryCall;
  createJourney(argument: _omni_journey_v1_CreateJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_CreateJourneyResponse__Output>): grpc.ClientUnaryCall;
  createJourney(argument: _omni_journey_v1_CreateJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_CreateJourneyResponse__Output>): grpc.ClientUnaryCall;
  createJourney(argument: _omni_journey_v1_CreateJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_CreateJourneyResponse__Output>): grpc.ClientUnaryCall;
  
  EnrollCustomer(argument: _omni_journey_v1_EnrollCustomerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_EnrollCustomerResponse__Output>): grpc.ClientUnaryCall;
  EnrollCustomer(argument: _omni_journey_v1_EnrollCustomerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_EnrollCustomerResponse__Output>): grpc.ClientUnaryCall;
  EnrollCustomer(argument: _omni_journey_v1_EnrollCustomerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_EnrollCustomerResponse__Output>): grpc.ClientUnaryCall;
  EnrollCustomer(argument: _omni_journey_v1_EnrollCustomerRequest, callback: grpc.requestCallback<_omni_journey_v1_EnrollCustomerResponse__Output>): grpc.ClientUnaryCall;
  enrollCustomer(argument: _omni_journey_v1_EnrollCustomerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_EnrollCustomerResponse__Output>): grpc.ClientUnaryCall;
  enrollCustomer(argument: _omni_journey_v1_EnrollCustomerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_EnrollCustomerResponse__Output>): grpc.ClientUnaryCall;
  enrollCustomer(argument: _omni_journey_v1_EnrollCustomerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_EnrollCustomerResponse__Output>): grpc.ClientUnaryCall;
  enrollCustomer(argument: _omni_journey_v1_EnrollCustomerRequest, callback: grpc.requestCallback<_omni_journey_v1_EnrollCustomerResponse__Output>): grpc.ClientUnaryCall;
  
  GetJourney(argument: _omni_journey_v1_GetJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyResponse__Output>): grpc.ClientUnaryCall;
  GetJourney(argument: _omni_journey_v1_GetJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyResponse__Output>): grpc.ClientUnaryCall;
  GetJourney(argument: _omni_journey_v1_GetJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyResponse__Output>): grpc.ClientUnaryCall;
  GetJourney(argument: _omni_journey_v1_GetJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyResponse__Output>): grpc.ClientUnaryCall;
  getJourney(argument: _omni_journey_v1_GetJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyResponse__Output>): grpc.ClientUnaryCall;
  getJourney(argument: _omni_journey_v1_GetJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyResponse__Output>): grpc.ClientUnaryCall;
  getJourney(argument: _omni_journey_v1_GetJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyResponse__Output>): grpc.ClientUnaryCall;
  getJourney(argument: _omni_journey_v1_GetJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyResponse__Output>): grpc.ClientUnaryCall;
  
  GetJourneyReview(argument: _omni_journey_v1_GetJourneyReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewResponse__Output>): grpc.ClientUnaryCall;
  GetJourneyReview(argument: _omni_journey_v1_GetJourneyReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewResponse__Output>): grpc.ClientUnaryCall;
  GetJourneyReview(argument: _omni_journey_v1_GetJourneyReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewResponse__Output>): grpc.ClientUnaryCall;
  GetJourneyReview(argument: _omni_journey_v1_GetJourneyReviewRequest, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewResponse__Output>): grpc.ClientUnaryCall;
  getJourneyReview(argument: _omni_journey_v1_GetJourneyReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewResponse__Output>): grpc.ClientUnaryCall;
  getJourneyReview(argument: _omni_journey_v1_GetJourneyReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewResponse__Output>): grpc.ClientUnaryCall;
  getJourneyReview(argument: _omni_journey_v1_GetJourneyReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewResponse__Output>): grpc.ClientUnaryCall;
  getJourneyReview(argument: _omni_journey_v1_GetJourneyReviewRequest, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewResponse__Output>): grpc.ClientUnaryCall;
  
  GetJourneyReviewSettings(argument: _omni_journey_v1_GetJourneyReviewSettingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  GetJourneyReviewSettings(argument: _omni_journey_v1_GetJourneyReviewSettingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  GetJourneyReviewSettings(argument: _omni_journey_v1_GetJourneyReviewSettingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  GetJourneyReviewSettings(argument: _omni_journey_v1_GetJourneyReviewSettingsRequest, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  getJourneyReviewSettings(argument: _omni_journey_v1_GetJourneyReviewSettingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  getJourneyReviewSettings(argument: _omni_journey_v1_GetJourneyReviewSettingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  getJourneyReviewSettings(argument: _omni_journey_v1_GetJourneyReviewSettingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  getJourneyReviewSettings(argument: _omni_journey_v1_GetJourneyReviewSettingsRequest, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  
  GetJourneyStats(argument: _omni_journey_v1_GetJourneyStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyStatsResponse__Output>): grpc.ClientUnaryCall;
  GetJourneyStats(argument: _omni_journey_v1_GetJourneyStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyStatsResponse__Output>): grpc.ClientUnaryCall;
  GetJourneyStats(argument: _omni_journey_v1_GetJourneyStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyStatsResponse__Output>): grpc.ClientUnaryCall;
  GetJourneyStats(argument: _omni_journey_v1_GetJourneyStatsRequest, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyStatsResponse__Output>): grpc.ClientUnaryCall;
  getJourneyStats(argument: _omni_journey_v1_GetJourneyStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyStatsResponse__Output>): grpc.ClientUnaryCall;
  getJourneyStats(argument: _omni_journey_v1_GetJourneyStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyStatsResponse__Output>): grpc.ClientUnaryCall;
  getJourneyStats(argument: _omni_journey_v1_GetJourneyStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyStatsResponse__Output>): grpc.ClientUnaryCall;
  getJourneyStats(argument: _omni_journey_v1_GetJourneyStatsRequest, callback: grpc.requestCallback<_omni_journey_v1_GetJourneyStatsResponse__Output>): grpc.ClientUnaryCall;
  
  GetRun(argument: _omni_journey_v1_GetRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetRunResponse__Output>): grpc.ClientUnaryCall;
  GetRun(argument: _omni_journey_v1_GetRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_GetRunResponse__Output>): grpc.ClientUnaryCall;
  GetRun(argument: _omni_journey_v1_GetRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetRunResponse__Output>): grpc.ClientUnaryCall;
  GetRun(argument: _omni_journey_v1_GetRunRequest, callback: grpc.requestCallback<_omni_journey_v1_GetRunResponse__Output>): grpc.ClientUnaryCall;
  getRun(argument: _omni_journey_v1_GetRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetRunResponse__Output>): grpc.ClientUnaryCall;
  getRun(argument: _omni_journey_v1_GetRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_GetRunResponse__Output>): grpc.ClientUnaryCall;
  getRun(argument: _omni_journey_v1_GetRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_GetRunResponse__Output>): grpc.ClientUnaryCall;
  getRun(argument: _omni_journey_v1_GetRunRequest, callback: grpc.requestCallback<_omni_journey_v1_GetRunResponse__Output>): grpc.ClientUnaryCall;
  
  ListJourneyReviews(argument: _omni_journey_v1_ListJourneyReviewsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ListJourneyReviewsResponse__Output>): grpc.ClientUnaryCall;
  ListJourneyReviews(argument: _omni_journey_v1_ListJourneyReviewsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_ListJourneyReviewsResponse__Output>): grpc.ClientUnaryCall;
  ListJourneyReviews(argument: _omni_journey_v1_ListJourneyReviewsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ListJourneyReviewsResponse__Output>): grpc.ClientUnaryCall;
  ListJourneyReviews(argument: _omni_journey_v1_ListJourneyReviewsRequest, callback: grpc.requestCallback<_omni_journey_v1_ListJourneyReviewsResponse__Output>): grpc.ClientUnaryCall;
  listJourneyReviews(argument: _omni_journey_v1_ListJourneyReviewsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ListJourneyReviewsResponse__Output>): grpc.ClientUnaryCall;
  listJourneyReviews(argument: _omni_journey_v1_ListJourneyReviewsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_ListJourneyReviewsResponse__Output>): grpc.ClientUnaryCall;
  listJourneyReviews(argument: _omni_journey_v1_ListJourneyReviewsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ListJourneyReviewsResponse__Output>): grpc.ClientUnaryCall;
  listJourneyReviews(argument: _omni_journey_v1_ListJourneyReviewsRequest, callback: grpc.requestCallback<_omni_journey_v1_ListJourneyReviewsResponse__Output>): grpc.ClientUnaryCall;
  
  ListRuns(argument: _omni_journey_v1_ListRunsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  ListRuns(argument: _omni_journey_v1_ListRunsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  ListRuns(argument: _omni_journey_v1_ListRunsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  ListRuns(argument: _omni_journey_v1_ListRunsRequest, callback: grpc.requestCallback<_omni_journey_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  listRuns(argument: _omni_journey_v1_ListRunsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  listRuns(argument: _omni_journey_v1_ListRunsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  listRuns(argument: _omni_journey_v1_ListRunsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  listRuns(argument: _omni_journey_v1_ListRunsRequest, callback: grpc.requestCallback<_omni_journey_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  
  PauseJourney(argument: _omni_journey_v1_PauseJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_PauseJourneyResponse__Output>): grpc.ClientUnaryCall;
  PauseJourney(argument: _omni_journey_v1_PauseJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_PauseJourneyResponse__Output>): grpc.ClientUnaryCall;
  PauseJourney(argument: _omni_journey_v1_PauseJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_PauseJourneyResponse__Output>): grpc.ClientUnaryCall;
  PauseJourney(argument: _omni_journey_v1_PauseJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_PauseJourneyResponse__Output>): grpc.ClientUnaryCall;
  pauseJourney(argument: _omni_journey_v1_PauseJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_PauseJourneyResponse__Output>): grpc.ClientUnaryCall;
  pauseJourney(argument: _omni_journey_v1_PauseJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_PauseJourneyResponse__Output>): grpc.ClientUnaryCall;
  pauseJourney(argument: _omni_journey_v1_PauseJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_PauseJourneyResponse__Output>): grpc.ClientUnaryCall;
  pauseJourney(argument: _omni_journey_v1_PauseJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_PauseJourneyResponse__Output>): grpc.ClientUnaryCall;
  
  PublishJourney(argument: _omni_journey_v1_PublishJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_PublishJourneyResponse__Output>): grpc.ClientUnaryCall;
  PublishJourney(argument: _omni_journey_v1_PublishJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_PublishJourneyResponse__Output>): grpc.ClientUnaryCall;
  PublishJourney(argument: _omni_journey_v1_PublishJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_PublishJourneyResponse__Output>): grpc.ClientUnaryCall;
  PublishJourney(argument: _omni_journey_v1_PublishJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_PublishJourneyResponse__Output>): grpc.ClientUnaryCall;
  publishJourney(argument: _omni_journey_v1_PublishJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_PublishJourneyResponse__Output>): grpc.ClientUnaryCall;
  publishJourney(argument: _omni_journey_v1_PublishJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_PublishJourneyResponse__Output>): grpc.ClientUnaryCall;
  publishJourney(argument: _omni_journey_v1_PublishJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_PublishJourneyResponse__Output>): grpc.ClientUnaryCall;
  publishJourney(argument: _omni_journey_v1_PublishJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_PublishJourneyResponse__Output>): grpc.ClientUnaryCall;
  
  RejectJourney(argument: _omni_journey_v1_RejectJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_RejectJourneyResponse__Output>): grpc.ClientUnaryCall;
  RejectJourney(argument: _omni_journey_v1_RejectJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_RejectJourneyResponse__Output>): grpc.ClientUnaryCall;
  RejectJourney(argument: _omni_journey_v1_RejectJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_RejectJourneyResponse__Output>): grpc.ClientUnaryCall;
  RejectJourney(argument: _omni_journey_v1_RejectJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_RejectJourneyResponse__Output>): grpc.ClientUnaryCall;
  rejectJourney(argument: _omni_journey_v1_RejectJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_RejectJourneyResponse__Output>): grpc.ClientUnaryCall;
  rejectJourney(argument: _omni_journey_v1_RejectJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_RejectJourneyResponse__Output>): grpc.ClientUnaryCall;
  rejectJourney(argument: _omni_journey_v1_RejectJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_RejectJourneyResponse__Output>): grpc.ClientUnaryCall;
  rejectJourney(argument: _omni_journey_v1_RejectJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_RejectJourneyResponse__Output>): grpc.ClientUnaryCall;
  
  ResumeJourney(argument: _omni_journey_v1_ResumeJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ResumeJourneyResponse__Output>): grpc.ClientUnaryCall;
  ResumeJourney(argument: _omni_journey_v1_ResumeJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_ResumeJourneyResponse__Output>): grpc.ClientUnaryCall;
  ResumeJourney(argument: _omni_journey_v1_ResumeJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ResumeJourneyResponse__Output>): grpc.ClientUnaryCall;
  ResumeJourney(argument: _omni_journey_v1_ResumeJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_ResumeJourneyResponse__Output>): grpc.ClientUnaryCall;
  resumeJourney(argument: _omni_journey_v1_ResumeJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ResumeJourneyResponse__Output>): grpc.ClientUnaryCall;
  resumeJourney(argument: _omni_journey_v1_ResumeJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_ResumeJourneyResponse__Output>): grpc.ClientUnaryCall;
  resumeJourney(argument: _omni_journey_v1_ResumeJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ResumeJourneyResponse__Output>): grpc.ClientUnaryCall;
  resumeJourney(argument: _omni_journey_v1_ResumeJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_ResumeJourneyResponse__Output>): grpc.ClientUnaryCall;
  
  SimulateJourney(argument: _omni_journey_v1_SimulateJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_SimulateJourneyResponse__Output>): grpc.ClientUnaryCall;
  SimulateJourney(argument: _omni_journey_v1_SimulateJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_SimulateJourneyResponse__Output>): grpc.ClientUnaryCall;
  SimulateJourney(argument: _omni_journey_v1_SimulateJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_SimulateJourneyResponse__Output>): grpc.ClientUnaryCall;
  SimulateJourney(argument: _omni_journey_v1_SimulateJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_SimulateJourneyResponse__Output>): grpc.ClientUnaryCall;
  simulateJourney(argument: _omni_journey_v1_SimulateJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_SimulateJourneyResponse__Output>): grpc.ClientUnaryCall;
  simulateJourney(argument: _omni_journey_v1_SimulateJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_SimulateJourneyResponse__Output>): grpc.ClientUnaryCall;
  simulateJourney(argument: _omni_journey_v1_SimulateJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_SimulateJourneyResponse__Output>): grpc.ClientUnaryCall;
  simulateJourney(argument: _omni_journey_v1_SimulateJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_SimulateJourneyResponse__Output>): grpc.ClientUnaryCall;
  
  StopJourney(argument: _omni_journey_v1_StopJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_StopJourneyResponse__Output>): grpc.ClientUnaryCall;
  StopJourney(argument: _omni_journey_v1_StopJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_StopJourneyResponse__Output>): grpc.ClientUnaryCall;
  StopJourney(argument: _omni_journey_v1_StopJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_StopJourneyResponse__Output>): grpc.ClientUnaryCall;
  StopJourney(argument: _omni_journey_v1_StopJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_StopJourneyResponse__Output>): grpc.ClientUnaryCall;
  stopJourney(argument: _omni_journey_v1_StopJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_StopJourneyResponse__Output>): grpc.ClientUnaryCall;
  stopJourney(argument: _omni_journey_v1_StopJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_StopJourneyResponse__Output>): grpc.ClientUnaryCall;
  stopJourney(argument: _omni_journey_v1_StopJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_StopJourneyResponse__Output>): grpc.ClientUnaryCall;
  stopJourney(argument: _omni_journey_v1_StopJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_StopJourneyResponse__Output>): grpc.ClientUnaryCall;
  
  SubmitJourneyForReview(argument: _omni_journey_v1_SubmitJourneyForReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_SubmitJourneyForReviewResponse__Output>): grpc.ClientUnaryCall;
  SubmitJourneyForReview(argument: _omni_journey_v1_SubmitJourneyForReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_SubmitJourneyForReviewResponse__Output>): grpc.ClientUnaryCall;
  SubmitJourneyForReview(argument: _omni_journey_v1_SubmitJourneyForReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_SubmitJourneyForReviewResponse__Output>): grpc.ClientUnaryCall;
  SubmitJourneyForReview(argument: _omni_journey_v1_SubmitJourneyForReviewRequest, callback: grpc.requestCallback<_omni_journey_v1_SubmitJourneyForReviewResponse__Output>): grpc.ClientUnaryCall;
  submitJourneyForReview(argument: _omni_journey_v1_SubmitJourneyForReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_SubmitJourneyForReviewResponse__Output>): grpc.ClientUnaryCall;
  submitJourneyForReview(argument: _omni_journey_v1_SubmitJourneyForReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_SubmitJourneyForReviewResponse__Output>): grpc.ClientUnaryCall;
  submitJourneyForReview(argument: _omni_journey_v1_SubmitJourneyForReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_SubmitJourneyForReviewResponse__Output>): grpc.ClientUnaryCall;
  submitJourneyForReview(argument: _omni_journey_v1_SubmitJourneyForReviewRequest, callback: grpc.requestCallback<_omni_journey_v1_SubmitJourneyForReviewResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateJourneyDraft(argument: _omni_journey_v1_UpdateJourneyDraftRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyDraftResponse__Output>): grpc.ClientUnaryCall;
  UpdateJourneyDraft(argument: _omni_journey_v1_UpdateJourneyDraftRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyDraftResponse__Output>): grpc.ClientUnaryCall;
  UpdateJourneyDraft(argument: _omni_journey_v1_UpdateJourneyDraftRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyDraftResponse__Output>): grpc.ClientUnaryCall;
  UpdateJourneyDraft(argument: _omni_journey_v1_UpdateJourneyDraftRequest, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyDraftResponse__Output>): grpc.ClientUnaryCall;
  updateJourneyDraft(argument: _omni_journey_v1_UpdateJourneyDraftRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyDraftResponse__Output>): grpc.ClientUnaryCall;
  updateJourneyDraft(argument: _omni_journey_v1_UpdateJourneyDraftRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyDraftResponse__Output>): grpc.ClientUnaryCall;
  updateJourneyDraft(argument: _omni_journey_v1_UpdateJourneyDraftRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyDraftResponse__Output>): grpc.ClientUnaryCall;
  updateJourneyDraft(argument: _omni_journey_v1_UpdateJourneyDraftRequest, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyDraftResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateJourneyReviewSettings(argument: _omni_journey_v1_UpdateJourneyReviewSettingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  UpdateJourneyReviewSettings(argument: _omni_journey_v1_UpdateJourneyReviewSettingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  UpdateJourneyReviewSettings(argument: _omni_journey_v1_UpdateJourneyReviewSettingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  UpdateJourneyReviewSettings(argument: _omni_journey_v1_UpdateJourneyReviewSettingsRequest, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  updateJourneyReviewSettings(argument: _omni_journey_v1_UpdateJourneyReviewSettingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  updateJourneyReviewSettings(argument: _omni_journey_v1_UpdateJourneyReviewSettingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  updateJourneyReviewSettings(argument: _omni_journey_v1_UpdateJourneyReviewSettingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  updateJourneyReviewSettings(argument: _omni_journey_v1_UpdateJourneyReviewSettingsRequest, callback: grpc.requestCallback<_omni_journey_v1_UpdateJourneyReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  
  ValidateJourney(argument: _omni_journey_v1_ValidateJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ValidateJourneyResponse__Output>): grpc.ClientUnaryCall;
  ValidateJourney(argument: _omni_journey_v1_ValidateJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_ValidateJourneyResponse__Output>): grpc.ClientUnaryCall;
  ValidateJourney(argument: _omni_journey_v1_ValidateJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ValidateJourneyResponse__Output>): grpc.ClientUnaryCall;
  ValidateJourney(argument: _omni_journey_v1_ValidateJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_ValidateJourneyResponse__Output>): grpc.ClientUnaryCall;
  validateJourney(argument: _omni_journey_v1_ValidateJourneyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ValidateJourneyResponse__Output>): grpc.ClientUnaryCall;
  validateJourney(argument: _omni_journey_v1_ValidateJourneyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_journey_v1_ValidateJourneyResponse__Output>): grpc.ClientUnaryCall;
  validateJourney(argument: _omni_journey_v1_ValidateJourneyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_journey_v1_ValidateJourneyResponse__Output>): grpc.ClientUnaryCall;
  validateJourney(argument: _omni_journey_v1_ValidateJourneyRequest, callback: grpc.requestCallback<_omni_journey_v1_ValidateJourneyResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface JourneyServiceHandlers extends grpc.UntypedServiceImplementation {
  ApproveJourney: grpc.handleUnaryCall<_omni_journey_v1_ApproveJourneyRequest__Output, _omni_journey_v1_ApproveJourneyResponse>;
  
  CreateJourney: grpc.handleUnaryCall<_omni_journey_v1_CreateJourneyRequest__Output, _omni_journey_v1_CreateJourneyResponse>;
  
  EnrollCustomer: grpc.handleUnaryCall<_omni_journey_v1_EnrollCustomerRequest__Output, _omni_journey_v1_EnrollCustomerResponse>;
  
  GetJourney: grpc.handleUnaryCall<_omni_journey_v1_GetJourneyRequest__Output, _omni_journey_v1_GetJourneyResponse>;
  
  GetJourneyReview: grpc.handleUnaryCall<_omni_journey_v1_GetJourneyReviewRequest__Output, _omni_journey_v1_GetJourneyReviewResponse>;
  
  GetJourneyReviewSettings: grpc.handleUnaryCall<_omni_journey_v1_GetJourneyReviewSettingsRequest__Output, _omni_journey_v1_GetJourneyReviewSettingsResponse>;
  
  GetJourneyStats: grpc.handleUnaryCall<_omni_journey_v1_GetJourneyStatsRequest__Output, _omni_journey_v1_GetJourneyStatsResponse>;
  
  GetRun: grpc.handleUnaryCall<_omni_journey_v1_GetRunRequest__Output, _omni_journey_v1_GetRunResponse>;
  
  ListJourneyReviews: grpc.handleUnaryCall<_omni_journey_v1_ListJourneyReviewsRequest__Output, _omni_journey_v1_ListJourneyReviewsResponse>;
  
  ListRuns: grpc.handleUnaryCall<_omni_journey_v1_ListRunsRequest__Output, _omni_journey_v1_ListRunsResponse>;
  
  PauseJourney: grpc.handleUnaryCall<_omni_journey_v1_PauseJourneyRequest__Output, _omni_journey_v1_PauseJourneyResponse>;
  
  PublishJourney: grpc.handleUnaryCall<_omni_journey_v1_PublishJourneyRequest__Output, _omni_journey_v1_PublishJourneyResponse>;
  
  RejectJourney: grpc.handleUnaryCall<_omni_journey_v1_RejectJourneyRequest__Output, _omni_journey_v1_RejectJourneyResponse>;
  
  ResumeJourney: grpc.handleUnaryCall<_omni_journey_v1_ResumeJourneyRequest__Output, _omni_journey_v1_ResumeJourneyResponse>;
  
  SimulateJourney: grpc.handleUnaryCall<_omni_journey_v1_SimulateJourneyRequest__Output, _omni_journey_v1_SimulateJourneyResponse>;
  
  StopJourney: grpc.handleUnaryCall<_omni_journey_v1_StopJourneyRequest__Output, _omni_journey_v1_StopJourneyResponse>;
  
  SubmitJourneyForReview: grpc.handleUnaryCall<_omni_journey_v1_SubmitJourneyForReviewRequest__Output, _omni_journey_v1_SubmitJourneyForReviewResponse>;
  
  UpdateJourneyDraft: grpc.handleUnaryCall<_omni_journey_v1_UpdateJourneyDraftRequest__Output, _omni_journey_v1_UpdateJourneyDraftResponse>;
  
  UpdateJourneyReviewSettings: grpc.handleUnaryCall<_omni_journey_v1_UpdateJourneyReviewSettingsRequest__Output, _omni_journey_v1_UpdateJourneyReviewSettingsResponse>;
  
  ValidateJourney: grpc.handleUnaryCall<_omni_journey_v1_ValidateJourneyRequest__Output, _omni_journey_v1_ValidateJourneyResponse>;
  
}

export interface JourneyServiceDefinition extends grpc.ServiceDefinition {
  ApproveJourney: MethodDefinition<_omni_journey_v1_ApproveJourneyRequest, _omni_journey_v1_ApproveJourneyResponse, _omni_journey_v1_ApproveJourneyRequest__Output, _omni_journey_v1_ApproveJourneyResponse__Output>
  CreateJourney: MethodDefinition<_omni_journey_v1_CreateJourneyRequest, _omni_journey_v1_CreateJourneyResponse, _omni_journey_v1_CreateJourneyRequest__Output, _omni_journey_v1_CreateJourneyResponse__Output>
  EnrollCustomer: MethodDefinition<_omni_journey_v1_EnrollCustomerRequest, _omni_journey_v1_EnrollCustomerResponse, _omni_journey_v1_EnrollCustomerRequest__Output, _omni_journey_v1_EnrollCustomerResponse__Output>
  GetJourney: MethodDefinition<_omni_journey_v1_GetJourneyRequest, _omni_journey_v1_GetJourneyResponse, _omni_journey_v1_GetJourneyRequest__Output, _omni_journey_v1_GetJourneyResponse__Output>
  GetJourneyReview: MethodDefinition<_omni_journey_v1_GetJourneyReviewRequest, _omni_journey_v1_GetJourneyReviewResponse, _omni_journey_v1_GetJourneyReviewRequest__Output, _omni_journey_v1_GetJourneyReviewResponse__Output>
  GetJourneyReviewSettings: MethodDefinition<_omni_journey_v1_GetJourneyReviewSettingsRequest, _omni_journey_v1_GetJourneyReviewSettingsResponse, _omni_journey_v1_GetJourneyReviewSettingsRequest__Output, _omni_journey_v1_GetJourneyReviewSettingsResponse__Output>
  GetJourneyStats: MethodDefinition<_omni_journey_v1_GetJourneyStatsRequest, _omni_journey_v1_GetJourneyStatsResponse, _omni_journey_v1_GetJourneyStatsRequest__Output, _omni_journey_v1_GetJourneyStatsResponse__Output>
  GetRun: MethodDefinition<_omni_journey_v1_GetRunRequest, _omni_journey_v1_GetRunResponse, _omni_journey_v1_GetRunRequest__Output, _omni_journey_v1_GetRunResponse__Output>
  ListJourneyReviews: MethodDefinition<_omni_journey_v1_ListJourneyReviewsRequest, _omni_journey_v1_ListJourneyReviewsResponse, _omni_journey_v1_ListJourneyReviewsRequest__Output, _omni_journey_v1_ListJourneyReviewsResponse__Output>
  ListRuns: MethodDefinition<_omni_journey_v1_ListRunsRequest, _omni_journey_v1_ListRunsResponse, _omni_journey_v1_ListRunsRequest__Output, _omni_journey_v1_ListRunsResponse__Output>
  PauseJourney: MethodDefinition<_omni_journey_v1_PauseJourneyRequest, _omni_journey_v1_PauseJourneyResponse, _omni_journey_v1_PauseJourneyRequest__Output, _omni_journey_v1_PauseJourneyResponse__Output>
  PublishJourney: MethodDefinition<_omni_journey_v1_PublishJourneyRequest, _omni_journey_v1_PublishJourneyResponse, _omni_journey_v1_PublishJourneyRequest__Output, _omni_journey_v1_PublishJourneyResponse__Output>
  RejectJourney: MethodDefinition<_omni_journey_v1_RejectJourneyRequest, _omni_journey_v1_RejectJourneyResponse, _omni_journey_v1_RejectJourneyRequest__Output, _omni_journey_v1_RejectJourneyResponse__Output>
  ResumeJourney: MethodDefinition<_omni_journey_v1_ResumeJourneyRequest, _omni_journey_v1_ResumeJourneyResponse, _omni_journey_v1_ResumeJourneyRequest__Output, _omni_journey_v1_ResumeJourneyResponse__Output>
  SimulateJourney: MethodDefinition<_omni_journey_v1_SimulateJourneyRequest, _omni_journey_v1_SimulateJourneyResponse, _omni_journey_v1_SimulateJourneyRequest__Output, _omni_journey_v1_SimulateJourneyResponse__Output>
  StopJourney: MethodDefinition<_omni_journey_v1_StopJourneyRequest, _omni_journey_v1_StopJourneyResponse, _omni_journey_v1_StopJourneyRequest__Output, _omni_journey_v1_StopJourneyResponse__Output>
  SubmitJourneyForReview: MethodDefinition<_omni_journey_v1_SubmitJourneyForReviewRequest, _omni_journey_v1_SubmitJourneyForReviewResponse, _omni_journey_v1_SubmitJourneyForReviewRequest__Output, _omni_journey_v1_SubmitJourneyForReviewResponse__Output>
  UpdateJourneyDraft: MethodDefinition<_omni_journey_v1_UpdateJourneyDraftRequest, _omni_journey_v1_UpdateJourneyDraftResponse, _omni_journey_v1_UpdateJourneyDraftRequest__Output, _omni_journey_v1_UpdateJourneyDraftResponse__Output>
  UpdateJourneyReviewSettings: MethodDefinition<_omni_journey_v1_UpdateJourneyReviewSettingsRequest, _omni_journey_v1_UpdateJourneyReviewSettingsResponse, _omni_journey_v1_UpdateJourneyReviewSettingsRequest__Output, _omni_journey_v1_UpdateJourneyReviewSettingsResponse__Output>
  ValidateJourney: MethodDefinition<_omni_journey_v1_ValidateJourneyRequest, _omni_journey_v1_ValidateJourneyResponse, _omni_journey_v1_ValidateJourneyRequest__Output, _omni_journey_v1_ValidateJourneyResponse__Output>
}
