// Original file: omni/segment/v1/segment.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateComputedTraitRequest as _omni_segment_v1_CreateComputedTraitRequest, CreateComputedTraitRequest__Output as _omni_segment_v1_CreateComputedTraitRequest__Output } from '../../../omni/segment/v1/CreateComputedTraitRequest';
import type { CreateComputedTraitResponse as _omni_segment_v1_CreateComputedTraitResponse, CreateComputedTraitResponse__Output as _omni_segment_v1_CreateComputedTraitResponse__Output } from '../../../omni/segment/v1/CreateComputedTraitResponse';
import type { CreateSegmentRequest as _omni_segment_v1_CreateSegmentRequest, CreateSegmentRequest__Output as _omni_segment_v1_CreateSegmentRequest__Output } from '../../../omni/segment/v1/CreateSegmentRequest';
import type { CreateSegmentResponse as _omni_segment_v1_CreateSegmentResponse, CreateSegmentResponse__Output as _omni_segment_v1_CreateSegmentResponse__Output } from '../../../omni/segment/v1/CreateSegmentResponse';
import type { GetComputedTraitRequest as _omni_segment_v1_GetComputedTraitRequest, GetComputedTraitRequest__Output as _omni_segment_v1_GetComputedTraitRequest__Output } from '../../../omni/segment/v1/GetComputedTraitRequest';
import type { GetComputedTraitResponse as _omni_segment_v1_GetComputedTraitResponse, GetComputedTraitResponse__Output as _omni_segment_v1_GetComputedTraitResponse__Output } from '../../../omni/segment/v1/GetComputedTraitResponse';
import type { GetComputedTraitValuesRequest as _omni_segment_v1_GetComputedTraitValuesRequest, GetComputedTraitValuesRequest__Output as _omni_segment_v1_GetComputedTraitValuesRequest__Output } from '../../../omni/segment/v1/GetComputedTraitValuesRequest';
import type { GetComputedTraitValuesResponse as _omni_segment_v1_GetComputedTraitValuesResponse, GetComputedTraitValuesResponse__Output as _omni_segment_v1_GetComputedTraitValuesResponse__Output } from '../../../omni/segment/v1/GetComputedTraitValuesResponse';
import type { GetCustomerBuiltinsRequest as _omni_segment_v1_GetCustomerBuiltinsRequest, GetCustomerBuiltinsRequest__Output as _omni_segment_v1_GetCustomerBuiltinsRequest__Output } from '../../../omni/segment/v1/GetCustomerBuiltinsRequest';
import type { GetCustomerBuiltinsResponse as _omni_segment_v1_GetCustomerBuiltinsResponse, GetCustomerBuiltinsResponse__Output as _omni_segment_v1_GetCustomerBuiltinsResponse__Output } from '../../../omni/segment/v1/GetCustomerBuiltinsResponse';
import type { GetLifecycleSettingsRequest as _omni_segment_v1_GetLifecycleSettingsRequest, GetLifecycleSettingsRequest__Output as _omni_segment_v1_GetLifecycleSettingsRequest__Output } from '../../../omni/segment/v1/GetLifecycleSettingsRequest';
import type { GetLifecycleSettingsResponse as _omni_segment_v1_GetLifecycleSettingsResponse, GetLifecycleSettingsResponse__Output as _omni_segment_v1_GetLifecycleSettingsResponse__Output } from '../../../omni/segment/v1/GetLifecycleSettingsResponse';
import type { GetMembershipsRequest as _omni_segment_v1_GetMembershipsRequest, GetMembershipsRequest__Output as _omni_segment_v1_GetMembershipsRequest__Output } from '../../../omni/segment/v1/GetMembershipsRequest';
import type { GetMembershipsResponse as _omni_segment_v1_GetMembershipsResponse, GetMembershipsResponse__Output as _omni_segment_v1_GetMembershipsResponse__Output } from '../../../omni/segment/v1/GetMembershipsResponse';
import type { GetRecomputeRequest as _omni_segment_v1_GetRecomputeRequest, GetRecomputeRequest__Output as _omni_segment_v1_GetRecomputeRequest__Output } from '../../../omni/segment/v1/GetRecomputeRequest';
import type { GetRecomputeResponse as _omni_segment_v1_GetRecomputeResponse, GetRecomputeResponse__Output as _omni_segment_v1_GetRecomputeResponse__Output } from '../../../omni/segment/v1/GetRecomputeResponse';
import type { GetRfmModelRequest as _omni_segment_v1_GetRfmModelRequest, GetRfmModelRequest__Output as _omni_segment_v1_GetRfmModelRequest__Output } from '../../../omni/segment/v1/GetRfmModelRequest';
import type { GetRfmModelResponse as _omni_segment_v1_GetRfmModelResponse, GetRfmModelResponse__Output as _omni_segment_v1_GetRfmModelResponse__Output } from '../../../omni/segment/v1/GetRfmModelResponse';
import type { GetSegmentRequest as _omni_segment_v1_GetSegmentRequest, GetSegmentRequest__Output as _omni_segment_v1_GetSegmentRequest__Output } from '../../../omni/segment/v1/GetSegmentRequest';
import type { GetSegmentResponse as _omni_segment_v1_GetSegmentResponse, GetSegmentResponse__Output as _omni_segment_v1_GetSegmentResponse__Output } from '../../../omni/segment/v1/GetSegmentResponse';
import type { GetSegmentSizeHistoryRequest as _omni_segment_v1_GetSegmentSizeHistoryRequest, GetSegmentSizeHistoryRequest__Output as _omni_segment_v1_GetSegmentSizeHistoryRequest__Output } from '../../../omni/segment/v1/GetSegmentSizeHistoryRequest';
import type { GetSegmentSizeHistoryResponse as _omni_segment_v1_GetSegmentSizeHistoryResponse, GetSegmentSizeHistoryResponse__Output as _omni_segment_v1_GetSegmentSizeHistoryResponse__Output } from '../../../omni/segment/v1/GetSegmentSizeHistoryResponse';
import type { ListComputedTraitsRequest as _omni_segment_v1_ListComputedTraitsRequest, ListComputedTraitsRequest__Output as _omni_segment_v1_ListComputedTraitsRequest__Output } from '../../../omni/segment/v1/ListComputedTraitsRequest';
import type { ListComputedTraitsResponse as _omni_segment_v1_ListComputedTraitsResponse, ListComputedTraitsResponse__Output as _omni_segment_v1_ListComputedTraitsResponse__Output } from '../../../omni/segment/v1/ListComputedTraitsResponse';
import type { ListMembersRequest as _omni_segment_v1_ListMembersRequest, ListMembersRequest__Output as _omni_segment_v1_ListMembersRequest__Output } from '../../../omni/segment/v1/ListMembersRequest';
import type { ListMembersResponse as _omni_segment_v1_ListMembersResponse, ListMembersResponse__Output as _omni_segment_v1_ListMembersResponse__Output } from '../../../omni/segment/v1/ListMembersResponse';
import type { ListSegmentVersionsRequest as _omni_segment_v1_ListSegmentVersionsRequest, ListSegmentVersionsRequest__Output as _omni_segment_v1_ListSegmentVersionsRequest__Output } from '../../../omni/segment/v1/ListSegmentVersionsRequest';
import type { ListSegmentVersionsResponse as _omni_segment_v1_ListSegmentVersionsResponse, ListSegmentVersionsResponse__Output as _omni_segment_v1_ListSegmentVersionsResponse__Output } from '../../../omni/segment/v1/ListSegmentVersionsResponse';
import type { ListSegmentsRequest as _omni_segment_v1_ListSegmentsRequest, ListSegmentsRequest__Output as _omni_segment_v1_ListSegmentsRequest__Output } from '../../../omni/segment/v1/ListSegmentsRequest';
import type { ListSegmentsResponse as _omni_segment_v1_ListSegmentsResponse, ListSegmentsResponse__Output as _omni_segment_v1_ListSegmentsResponse__Output } from '../../../omni/segment/v1/ListSegmentsResponse';
import type { PreviewSegmentRequest as _omni_segment_v1_PreviewSegmentRequest, PreviewSegmentRequest__Output as _omni_segment_v1_PreviewSegmentRequest__Output } from '../../../omni/segment/v1/PreviewSegmentRequest';
import type { PreviewSegmentResponse as _omni_segment_v1_PreviewSegmentResponse, PreviewSegmentResponse__Output as _omni_segment_v1_PreviewSegmentResponse__Output } from '../../../omni/segment/v1/PreviewSegmentResponse';
import type { RecomputeSegmentRequest as _omni_segment_v1_RecomputeSegmentRequest, RecomputeSegmentRequest__Output as _omni_segment_v1_RecomputeSegmentRequest__Output } from '../../../omni/segment/v1/RecomputeSegmentRequest';
import type { RecomputeSegmentResponse as _omni_segment_v1_RecomputeSegmentResponse, RecomputeSegmentResponse__Output as _omni_segment_v1_RecomputeSegmentResponse__Output } from '../../../omni/segment/v1/RecomputeSegmentResponse';
import type { RefreshRfmRequest as _omni_segment_v1_RefreshRfmRequest, RefreshRfmRequest__Output as _omni_segment_v1_RefreshRfmRequest__Output } from '../../../omni/segment/v1/RefreshRfmRequest';
import type { RefreshRfmResponse as _omni_segment_v1_RefreshRfmResponse, RefreshRfmResponse__Output as _omni_segment_v1_RefreshRfmResponse__Output } from '../../../omni/segment/v1/RefreshRfmResponse';
import type { UpdateLifecycleSettingsRequest as _omni_segment_v1_UpdateLifecycleSettingsRequest, UpdateLifecycleSettingsRequest__Output as _omni_segment_v1_UpdateLifecycleSettingsRequest__Output } from '../../../omni/segment/v1/UpdateLifecycleSettingsRequest';
import type { UpdateLifecycleSettingsResponse as _omni_segment_v1_UpdateLifecycleSettingsResponse, UpdateLifecycleSettingsResponse__Output as _omni_segment_v1_UpdateLifecycleSettingsResponse__Output } from '../../../omni/segment/v1/UpdateLifecycleSettingsResponse';
import type { UpdateSegmentRequest as _omni_segment_v1_UpdateSegmentRequest, UpdateSegmentRequest__Output as _omni_segment_v1_UpdateSegmentRequest__Output } from '../../../omni/segment/v1/UpdateSegmentRequest';
import type { UpdateSegmentResponse as _omni_segment_v1_UpdateSegmentResponse, UpdateSegmentResponse__Output as _omni_segment_v1_UpdateSegmentResponse__Output } from '../../../omni/segment/v1/UpdateSegmentResponse';
import type { WatchMembershipRequest as _omni_segment_v1_WatchMembershipRequest, WatchMembershipRequest__Output as _omni_segment_v1_WatchMembershipRequest__Output } from '../../../omni/segment/v1/WatchMembershipRequest';
import type { WatchMembershipResponse as _omni_segment_v1_WatchMembershipResponse, WatchMembershipResponse__Output as _omni_segment_v1_WatchMembershipResponse__Output } from '../../../omni/segment/v1/WatchMembershipResponse';

export interface SegmentServiceClient extends grpc.Client {
  CreateComputedTrait(argument: _omni_segment_v1_CreateComputedTraitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_CreateComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  CreateComputedTrait(argument: _omni_segment_v1_CreateComputedTraitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_CreateComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  CreateComputedTrait(argument: _omni_segment_v1_CreateComputedTraitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_CreateComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  CreateComputedTrait(argument: _omni_segment_v1_CreateComputedTraitRequest, callback: grpc.requestCallback<_omni_segment_v1_CreateComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  createComputedTrait(argument: _omni_segment_v1_CreateComputedTraitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_CreateComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  createComputedTrait(argument: _omni_segment_v1_CreateComputedTraitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_CreateComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  createComputedTrait(argument: _omni_segment_v1_CreateComputedTraitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_CreateComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  createComputedTrait(argument: _omni_segment_v1_CreateComputedTraitRequest, callback: grpc.requestCallback<_omni_segment_v1_CreateComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  
  CreateSegment(argument: _omni_segment_v1_CreateSegmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_CreateSegmentResponse__Output>): grpc.ClientUnaryCall;
  CreateSegment(argument: _omni_segment_v1_CreateSegmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_CreateSegmentResponse__Output>): grpc.ClientUnaryCall;
  CreateSegment(argument: _omni_segment_v1_CreateSegmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_CreateSegmentResponse__Output>): grpc.ClientUnaryCall;
  CreateSegment(argument: _omni_segment_v1_CreateSegmentRequest, callback: grpc.requestCallback<_omni_segment_v1_CreateSegmentResponse__Output>): grpc.ClientUnaryCall;
  createSegment(argument: _omni_segment_v1_CreateSegmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_CreateSegmentResponse__Output>): grpc.ClientUnaryCall;
  createSegment(argument: _omni_segment_v1_CreateSegmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_CreateSegmentResponse__Output>): grpc.ClientUnaryCall;
  createSegment(argument: _omni_segment_v1_CreateSegmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_CreateSegmentResponse__Output>): grpc.ClientUnaryCall;
  createSegment(argument: _omni_segment_v1_CreateSegmentRequest, callback: grpc.requestCallback<_omni_segment_v1_CreateSegmentResponse__Output>): grpc.ClientUnaryCall;
  
  GetComputedTrait(argument: _omni_segment_v1_GetComputedTraitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  GetComputedTrait(argument: _omni_segment_v1_GetComputedTraitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  GetComputedTrait(argument: _omni_segment_v1_GetComputedTraitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  GetComputedTrait(argument: _omni_segment_v1_GetComputedTraitRequest, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  getComputedTrait(argument: _omni_segment_v1_GetComputedTraitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  getComputedTrait(argument: _omni_segment_v1_GetComputedTraitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  getComputedTrait(argument: _omni_segment_v1_GetComputedTraitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  getComputedTrait(argument: _omni_segment_v1_GetComputedTraitRequest, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitResponse__Output>): grpc.ClientUnaryCall;
  
  GetComputedTraitValues(argument: _omni_segment_v1_GetComputedTraitValuesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitValuesResponse__Output>): grpc.ClientUnaryCall;
  GetComputedTraitValues(argument: _omni_segment_v1_GetComputedTraitValuesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitValuesResponse__Output>): grpc.ClientUnaryCall;
  GetComputedTraitValues(argument: _omni_segment_v1_GetComputedTraitValuesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitValuesResponse__Output>): grpc.ClientUnaryCall;
  GetComputedTraitValues(argument: _omni_segment_v1_GetComputedTraitValuesRequest, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitValuesResponse__Output>): grpc.ClientUnaryCall;
  getComputedTraitValues(argument: _omni_segment_v1_GetComputedTraitValuesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitValuesResponse__Output>): grpc.ClientUnaryCall;
  getComputedTraitValues(argument: _omni_segment_v1_GetComputedTraitValuesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitValuesResponse__Output>): grpc.ClientUnaryCall;
  getComputedTraitValues(argument: _omni_segment_v1_GetComputedTraitValuesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitValuesResponse__Output>): grpc.ClientUnaryCall;
  getComputedTraitValues(argument: _omni_segment_v1_GetComputedTraitValuesRequest, callback: grpc.requestCallback<_omni_segment_v1_GetComputedTraitValuesResponse__Output>): grpc.ClientUnaryCall;
  
  GetCustomerBuiltins(argument: _omni_segment_v1_GetCustomerBuiltinsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetCustomerBuiltinsResponse__Output>): grpc.ClientUnaryCall;
  GetCustomerBuiltins(argument: _omni_segment_v1_GetCustomerBuiltinsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetCustomerBuiltinsResponse__Output>): grpc.ClientUnaryCall;
  GetCustomerBuiltins(argument: _omni_segment_v1_GetCustomerBuiltinsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetCustomerBuiltinsResponse__Output>): grpc.ClientUnaryCall;
  GetCustomerBuiltins(argument: _omni_segment_v1_GetCustomerBuiltinsRequest, callback: grpc.requestCallback<_omni_segment_v1_GetCustomerBuiltinsResponse__Output>): grpc.ClientUnaryCall;
  getCustomerBuiltins(argument: _omni_segment_v1_GetCustomerBuiltinsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetCustomerBuiltinsResponse__Output>): grpc.ClientUnaryCall;
  getCustomerBuiltins(argument: _omni_segment_v1_GetCustomerBuiltinsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetCustomerBuiltinsResponse__Output>): grpc.ClientUnaryCall;
  getCustomerBuiltins(argument: _omni_segment_v1_GetCustomerBuiltinsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetCustomerBuiltinsResponse__Output>): grpc.ClientUnaryCall;
  getCustomerBuiltins(argument: _omni_segment_v1_GetCustomerBuiltinsRequest, callback: grpc.requestCallback<_omni_segment_v1_GetCustomerBuiltinsResponse__Output>): grpc.ClientUnaryCall;
  
  GetLifecycleSettings(argument: _omni_segment_v1_GetLifecycleSettingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  GetLifecycleSettings(argument: _omni_segment_v1_GetLifecycleSettingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  GetLifecycleSettings(argument: _omni_segment_v1_GetLifecycleSettingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  GetLifecycleSettings(argument: _omni_segment_v1_GetLifecycleSettingsRequest, callback: grpc.requestCallback<_omni_segment_v1_GetLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  getLifecycleSettings(argument: _omni_segment_v1_GetLifecycleSettingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  getLifecycleSettings(argument: _omni_segment_v1_GetLifecycleSettingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  getLifecycleSettings(argument: _omni_segment_v1_GetLifecycleSettingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  getLifecycleSettings(argument: _omni_segment_v1_GetLifecycleSettingsRequest, callback: grpc.requestCallback<_omni_segment_v1_GetLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  
  GetMemberships(argument: _omni_segment_v1_GetMembershipsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetMembershipsResponse__Output>): grpc.ClientUnaryCall;
  GetMemberships(argument: _omni_segment_v1_GetMembershipsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetMembershipsResponse__Output>): grpc.ClientUnaryCall;
  GetMemberships(argument: _omni_segment_v1_GetMembershipsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetMembershipsResponse__Output>): grpc.ClientUnaryCall;
  GetMemberships(argument: _omni_segment_v1_GetMembershipsRequest, callback: grpc.requestCallback<_omni_segment_v1_GetMembershipsResponse__Output>): grpc.ClientUnaryCall;
  getMemberships(argument: _omni_segment_v1_GetMembershipsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetMembershipsResponse__Output>): grpc.ClientUnaryCall;
  getMemberships(argument: _omni_segment_v1_GetMembershipsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetMembershipsResponse__Output>): grpc.ClientUnaryCall;
  getMemberships(argument: _omni_segment_v1_GetMembershipsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetMembershipsResponse__Output>): grpc.ClientUnaryCall;
  getMemberships(argument: _omni_segment_v1_GetMembershipsRequest, callback: grpc.requestCallback<_omni_segment_v1_GetMembershipsResponse__Output>): grpc.ClientUnaryCall;
  
  GetRecompute(argument: _omni_segment_v1_GetRecomputeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetRecomputeResponse__Output>): grpc.ClientUnaryCall;
  GetRecompute(argument: _omni_segment_v1_GetRecomputeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetRecomputeResponse__Output>): grpc.ClientUnaryCall;
  GetRecompute(argument: _omni_segment_v1_GetRecomputeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetRecomputeResponse__Output>): grpc.ClientUnaryCall;
  GetRecompute(argument: _omni_segment_v1_GetRecomputeRequest, callback: grpc.requestCallback<_omni_segment_v1_GetRecomputeResponse__Output>): grpc.ClientUnaryCall;
  getRecompute(argument: _omni_segment_v1_GetRecomputeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetRecomputeResponse__Output>): grpc.ClientUnaryCall;
  getRecompute(argument: _omni_segment_v1_GetRecomputeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetRecomputeResponse__Output>): grpc.ClientUnaryCall;
  getRecompute(argument: _omni_segment_v1_GetRecomputeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetRecomputeResponse__Output>): grpc.ClientUnaryCall;
  getRecompute(argument: _omni_segment_v1_GetRecomputeRequest, callback: grpc.requestCallback<_omni_segment_v1_GetRecomputeResponse__Output>): grpc.ClientUnaryCall;
  
  GetRfmModel(argument: _omni_segment_v1_GetRfmModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetRfmModelResponse__Output>): grpc.ClientUnaryCall;
  GetRfmModel(argument: _omni_segment_v1_GetRfmModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetRfmModelResponse__Output>): grpc.ClientUnaryCall;
  GetRfmModel(argument: _omni_segment_v1_GetRfmModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetRfmModelResponse__Output>): grpc.ClientUnaryCall;
  GetRfmModel(argument: _omni_segment_v1_GetRfmModelRequest, callback: grpc.requestCallback<_omni_segment_v1_GetRfmModelResponse__Output>): grpc.ClientUnaryCall;
  getRfmModel(argument: _omni_segment_v1_GetRfmModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetRfmModelResponse__Output>): grpc.ClientUnaryCall;
  getRfmModel(argument: _omni_segment_v1_GetRfmModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetRfmModelResponse__Output>): grpc.ClientUnaryCall;
  getRfmModel(argument: _omni_segment_v1_GetRfmModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetRfmModelResponse__Output>): grpc.ClientUnaryCall;
  getRfmModel(argument: _omni_segment_v1_GetRfmModelRequest, callback: grpc.requestCallback<_omni_segment_v1_GetRfmModelResponse__Output>): grpc.ClientUnaryCall;
  
  GetSegment(argument: _omni_segment_v1_GetSegmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentResponse__Output>): grpc.ClientUnaryCall;
  GetSegment(argument: _omni_segment_v1_GetSegmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentResponse__Output>): grpc.ClientUnaryCall;
  GetSegment(argument: _omni_segment_v1_GetSegmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentResponse__Output>): grpc.ClientUnaryCall;
  GetSegment(argument: _omni_segment_v1_GetSegmentRequest, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentResponse__Output>): grpc.ClientUnaryCall;
  getSegment(argument: _omni_segment_v1_GetSegmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentResponse__Output>): grpc.ClientUnaryCall;
  getSegment(argument: _omni_segment_v1_GetSegmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentResponse__Output>): grpc.ClientUnaryCall;
  getSegment(argument: _omni_segment_v1_GetSegmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentResponse__Output>): grpc.ClientUnaryCall;
  getSegment(argument: _omni_segment_v1_GetSegmentRequest, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentResponse__Output>): grpc.ClientUnaryCall;
  
  GetSegmentSizeHistory(argument: _omni_segment_v1_GetSegmentSizeHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentSizeHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetSegmentSizeHistory(argument: _omni_segment_v1_GetSegmentSizeHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentSizeHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetSegmentSizeHistory(argument: _omni_segment_v1_GetSegmentSizeHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentSizeHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetSegmentSizeHistory(argument: _omni_segment_v1_GetSegmentSizeHistoryRequest, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentSizeHistoryResponse__Output>): grpc.ClientUnaryCall;
  getSegmentSizeHistory(argument: _omni_segment_v1_GetSegmentSizeHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentSizeHistoryResponse__Output>): grpc.ClientUnaryCall;
  getSegmentSizeHistory(argument: _omni_segment_v1_GetSegmentSizeHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentSizeHistoryResponse__Output>): grpc.ClientUnaryCall;
  getSegmentSizeHistory(argument: _omni_segment_v1_GetSegmentSizeHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentSizeHistoryResponse__Output>): grpc.ClientUnaryCall;
  getSegmentSizeHistory(argument: _omni_segment_v1_GetSegmentSizeHistoryRequest, callback: grpc.requestCallback<_omni_segment_v1_GetSegmentSizeHistoryResponse__Output>): grpc.ClientUnaryCall;
  
  ListComputedTraits(argument: _omni_segment_v1_ListComputedTraitsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_ListComputedTraitsResponse__Output>): grpc.ClientUnaryCall;
  ListComputedTraits(argument: _omni_segment_v1_ListComputedTraitsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_ListComputedTraitsResponse__Output>): grpc.ClientUnaryCall;
  ListComputedTraits(argument: _omni_segment_v1_ListComputedTraitsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_ListComputedTraitsResponse__Output>): grpc.ClientUnaryCall;
  ListComputedTraits(argument: _omni_segment_v1_ListComputedTraitsRequest, callback: grpc.requestCallback<_omni_segment_v1_ListComputedTraitsResponse__Output>): grpc.ClientUnaryCall;
  listComputedTraits(argument: _omni_segment_v1_ListComputedTraitsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_ListComputedTraitsResponse__Output>): grpc.ClientUnaryCall;
  listComputedTraits(argument: _omni_segment_v1_ListComputedTraitsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_ListComputedTraitsResponse__Output>): grpc.ClientUnaryCall;
  listComputedTraits(argument: _omni_segment_v1_ListComputedTraitsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_ListComputedTraitsResponse__Output>): grpc.ClientUnaryCall;
  listComputedTraits(argument: _omni_segment_v1_ListComputedTraitsRequest, callback: grpc.requestCallback<_omni_segment_v1_ListComputedTraitsResponse__Output>): grpc.ClientUnaryCall;
  
  ListMembers(argument: _omni_segment_v1_ListMembersRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_segment_v1_ListMembersResponse__Output>;
  ListMembers(argument: _omni_segment_v1_ListMembersRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_segment_v1_ListMembersResponse__Output>;
  listMembers(argument: _omni_segment_v1_ListMembersRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_segment_v1_ListMembersResponse__Output>;
  listMembers(argument: _omni_segment_v1_ListMembersRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_segment_v1_ListMembersResponse__Output>;
  
  ListSegmentVersions(argument: _omni_segment_v1_ListSegmentVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListSegmentVersions(argument: _omni_segment_v1_ListSegmentVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListSegmentVersions(argument: _omni_segment_v1_ListSegmentVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListSegmentVersions(argument: _omni_segment_v1_ListSegmentVersionsRequest, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentVersionsResponse__Output>): grpc.ClientUnaryCall;
  listSegmentVersions(argument: _omni_segment_v1_ListSegmentVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentVersionsResponse__Output>): grpc.ClientUnaryCall;
  listSegmentVersions(argument: _omni_segment_v1_ListSegmentVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentVersionsResponse__Output>): grpc.ClientUnaryCall;
  listSegmentVersions(argument: _omni_segment_v1_ListSegmentVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentVersionsResponse__Output>): grpc.ClientUnaryCall;
  listSegmentVersions(argument: _omni_segment_v1_ListSegmentVersionsRequest, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentVersionsResponse__Output>): grpc.ClientUnaryCall;
  
  ListSegments(argument: _omni_segment_v1_ListSegmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentsResponse__Output>): grpc.ClientUnaryCall;
  ListSegments(argument: _omni_segment_v1_ListSegmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentsResponse__Output>): grpc.ClientUnaryCall;
  ListSegments(argument: _omni_segment_v1_ListSegmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentsResponse__Output>): grpc.ClientUnaryCall;
  ListSegments(argument: _omni_segment_v1_ListSegmentsRequest, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentsResponse__Output>): grpc.ClientUnaryCall;
  listSegments(argument: _omni_segment_v1_ListSegmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentsResponse__Output>): grpc.ClientUnaryCall;
  listSegments(argument: _omni_segment_v1_ListSegmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentsResponse__Output>): grpc.ClientUnaryCall;
  listSegments(argument: _omni_segment_v1_ListSegmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentsResponse__Output>): grpc.ClientUnaryCall;
  listSegments(argument: _omni_segment_v1_ListSegmentsRequest, callback: grpc.requestCallback<_omni_segment_v1_ListSegmentsResponse__Output>): grpc.ClientUnaryCall;
  
  PreviewSegment(argument: _omni_segment_v1_PreviewSegmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_PreviewSegmentResponse__Output>): grpc.ClientUnaryCall;
  PreviewSegment(argument: _omni_segment_v1_PreviewSegmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_PreviewSegmentResponse__Output>): grpc.ClientUnaryCall;
  PreviewSegment(argument: _omni_segment_v1_PreviewSegmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_PreviewSegmentResponse__Output>): grpc.ClientUnaryCall;
  PreviewSegment(argument: _omni_segment_v1_PreviewSegmentRequest, callback: grpc.requestCallback<_omni_segment_v1_PreviewSegmentResponse__Output>): grpc.ClientUnaryCall;
  previewSegment(argument: _omni_segment_v1_PreviewSegmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_PreviewSegmentResponse__Output>): grpc.ClientUnaryCall;
  previewSegment(argument: _omni_segment_v1_PreviewSegmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_PreviewSegmentResponse__Output>): grpc.ClientUnaryCall;
  previewSegment(argument: _omni_segment_v1_PreviewSegmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_PreviewSegmentResponse__Output>): grpc.ClientUnaryCall;
  previewSegment(argument: _omni_segment_v1_PreviewSegmentRequest, callback: grpc.requestCallback<_omni_segment_v1_PreviewSegmentResponse__Output>): grpc.ClientUnaryCall;
  
  RecomputeSegment(argument: _omni_segment_v1_RecomputeSegmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_RecomputeSegmentResponse__Output>): grpc.ClientUnaryCall;
  RecomputeSegment(argument: _omni_segment_v1_RecomputeSegmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_RecomputeSegmentResponse__Output>): grpc.ClientUnaryCall;
  RecomputeSegment(argument: _omni_segment_v1_RecomputeSegmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_RecomputeSegmentResponse__Output>): grpc.ClientUnaryCall;
  RecomputeSegment(argument: _omni_segment_v1_RecomputeSegmentRequest, callback: grpc.requestCallback<_omni_segment_v1_RecomputeSegmentResponse__Output>): grpc.ClientUnaryCall;
  recomputeSegment(argument: _omni_segment_v1_RecomputeSegmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_RecomputeSegmentResponse__Output>): grpc.ClientUnaryCall;
  recomputeSegment(argument: _omni_segment_v1_RecomputeSegmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_RecomputeSegmentResponse__Output>): grpc.ClientUnaryCall;
  recomputeSegment(argument: _omni_segment_v1_RecomputeSegmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_RecomputeSegmentResponse__Output>): grpc.ClientUnaryCall;
  recomputeSegment(argument: _omni_segment_v1_RecomputeSegmentRequest, callback: grpc.requestCallback<_omni_segment_v1_RecomputeSegmentResponse__Output>): grpc.ClientUnaryCall;
  
  RefreshRfm(argument: _omni_segment_v1_RefreshRfmRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_RefreshRfmResponse__Output>): grpc.ClientUnaryCall;
  RefreshRfm(argument: _omni_segment_v1_RefreshRfmRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_RefreshRfmResponse__Output>): grpc.ClientUnaryCall;
  RefreshRfm(argument: _omni_segment_v1_RefreshRfmRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_RefreshRfmResponse__Output>): grpc.ClientUnaryCall;
  RefreshRfm(argument: _omni_segment_v1_RefreshRfmRequest, callback: grpc.requestCallback<_omni_segment_v1_RefreshRfmResponse__Output>): grpc.ClientUnaryCall;
  refreshRfm(argument: _omni_segment_v1_RefreshRfmRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_RefreshRfmResponse__Output>): grpc.ClientUnaryCall;
  refreshRfm(argument: _omni_segment_v1_RefreshRfmRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_RefreshRfmResponse__Output>): grpc.ClientUnaryCall;
  refreshRfm(argument: _omni_segment_v1_RefreshRfmRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_RefreshRfmResponse__Output>): grpc.ClientUnaryCall;
  refreshRfm(argument: _omni_segment_v1_RefreshRfmRequest, callback: grpc.requestCallback<_omni_segment_v1_RefreshRfmResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateLifecycleSettings(argument: _omni_segment_v1_UpdateLifecycleSettingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_UpdateLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  UpdateLifecycleSettings(argument: _omni_segment_v1_UpdateLifecycleSettingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_UpdateLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  UpdateLifecycleSettings(argument: _omni_segment_v1_UpdateLifecycleSettingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_UpdateLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  UpdateLifecycleSettings(argument: _omni_segment_v1_UpdateLifecycleSettingsRequest, callback: grpc.requestCallback<_omni_segment_v1_UpdateLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  updateLifecycleSettings(argument: _omni_segment_v1_UpdateLifecycleSettingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_UpdateLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  updateLifecycleSettings(argument: _omni_segment_v1_UpdateLifecycleSettingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_UpdateLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  updateLifecycleSettings(argument: _omni_segment_v1_UpdateLifecycleSettingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_UpdateLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  updateLifecycleSettings(argument: _omni_segment_v1_UpdateLifecycleSettingsRequest, callback: grpc.requestCallback<_omni_segment_v1_UpdateLifecycleSettingsResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateSegment(argument: _omni_segment_v1_UpdateSegmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_UpdateSegmentResponse__Output>): grpc.ClientUnaryCall;
  UpdateSegment(argument: _omni_segment_v1_UpdateSegmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_UpdateSegmentResponse__Output>): grpc.ClientUnaryCall;
  UpdateSegment(argument: _omni_segment_v1_UpdateSegmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_UpdateSegmentResponse__Output>): grpc.ClientUnaryCall;
  UpdateSegment(argument: _omni_segment_v1_UpdateSegmentRequest, callback: grpc.requestCallback<_omni_segment_v1_UpdateSegmentResponse__Output>): grpc.ClientUnaryCall;
  updateSegment(argument: _omni_segment_v1_UpdateSegmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_UpdateSegmentResponse__Output>): grpc.ClientUnaryCall;
  updateSegment(argument: _omni_segment_v1_UpdateSegmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_segment_v1_UpdateSegmentResponse__Output>): grpc.ClientUnaryCall;
  updateSegment(argument: _omni_segment_v1_UpdateSegmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_segment_v1_UpdateSegmentResponse__Output>): grpc.ClientUnaryCall;
  updateSegment(argument: _omni_segment_v1_UpdateSegmentRequest, callback: grpc.requestCallback<_omni_segment_v1_UpdateSegmentResponse__Output>): grpc.ClientUnaryCall;
  
  WatchMembership(argument: _omni_segment_v1_WatchMembershipRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_segment_v1_WatchMembershipResponse__Output>;
  WatchMembership(argument: _omni_segment_v1_WatchMembershipRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_segment_v1_WatchMembershipResponse__Output>;
  watchMembership(argument: _omni_segment_v1_WatchMembershipRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_segment_v1_WatchMembershipResponse__Output>;
  watchMembership(argument: _omni_segment_v1_WatchMembershipRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_segment_v1_WatchMembershipResponse__Output>;
  
}

export interface SegmentServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateComputedTrait: grpc.handleUnaryCall<_omni_segment_v1_CreateComputedTraitRequest__Output, _omni_segment_v1_CreateComputedTraitResponse>;
  
  CreateSegment: grpc.handleUnaryCall<_omni_segment_v1_CreateSegmentRequest__Output, _omni_segment_v1_CreateSegmentResponse>;
  
  GetComputedTrait: grpc.handleUnaryCall<_omni_segment_v1_GetComputedTraitRequest__Output, _omni_segment_v1_GetComputedTraitResponse>;
  
  GetComputedTraitValues: grpc.handleUnaryCall<_omni_segment_v1_GetComputedTraitValuesRequest__Output, _omni_segment_v1_GetComputedTraitValuesResponse>;
  
  GetCustomerBuiltins: grpc.handleUnaryCall<_omni_segment_v1_GetCustomerBuiltinsRequest__Output, _omni_segment_v1_GetCustomerBuiltinsResponse>;
  
  GetLifecycleSettings: grpc.handleUnaryCall<_omni_segment_v1_GetLifecycleSettingsRequest__Output, _omni_segment_v1_GetLifecycleSettingsResponse>;
  
  GetMemberships: grpc.handleUnaryCall<_omni_segment_v1_GetMembershipsRequest__Output, _omni_segment_v1_GetMembershipsResponse>;
  
  GetRecompute: grpc.handleUnaryCall<_omni_segment_v1_GetRecomputeRequest__Output, _omni_segment_v1_GetRecomputeResponse>;
  
  GetRfmModel: grpc.handleUnaryCall<_omni_segment_v1_GetRfmModelRequest__Output, _omni_segment_v1_GetRfmModelResponse>;
  
  GetSegment: grpc.handleUnaryCall<_omni_segment_v1_GetSegmentRequest__Output, _omni_segment_v1_GetSegmentResponse>;
  
  GetSegmentSizeHistory: grpc.handleUnaryCall<_omni_segment_v1_GetSegmentSizeHistoryRequest__Output, _omni_segment_v1_GetSegmentSizeHistoryResponse>;
  
  ListComputedTraits: grpc.handleUnaryCall<_omni_segment_v1_ListComputedTraitsRequest__Output, _omni_segment_v1_ListComputedTraitsResponse>;
  
  ListMembers: grpc.handleServerStreamingCall<_omni_segment_v1_ListMembersRequest__Output, _omni_segment_v1_ListMembersResponse>;
  
  ListSegmentVersions: grpc.handleUnaryCall<_omni_segment_v1_ListSegmentVersionsRequest__Output, _omni_segment_v1_ListSegmentVersionsResponse>;
  
  ListSegments: grpc.handleUnaryCall<_omni_segment_v1_ListSegmentsRequest__Output, _omni_segment_v1_ListSegmentsResponse>;
  
  PreviewSegment: grpc.handleUnaryCall<_omni_segment_v1_PreviewSegmentRequest__Output, _omni_segment_v1_PreviewSegmentResponse>;
  
  RecomputeSegment: grpc.handleUnaryCall<_omni_segment_v1_RecomputeSegmentRequest__Output, _omni_segment_v1_RecomputeSegmentResponse>;
  
  RefreshRfm: grpc.handleUnaryCall<_omni_segment_v1_RefreshRfmRequest__Output, _omni_segment_v1_RefreshRfmResponse>;
  
  UpdateLifecycleSettings: grpc.handleUnaryCall<_omni_segment_v1_UpdateLifecycleSettingsRequest__Output, _omni_segment_v1_UpdateLifecycleSettingsResponse>;
  
  UpdateSegment: grpc.handleUnaryCall<_omni_segment_v1_UpdateSegmentRequest__Output, _omni_segment_v1_UpdateSegmentResponse>;
  
  WatchMembership: grpc.handleServerStreamingCall<_omni_segment_v1_WatchMembershipRequest__Output, _omni_segment_v1_WatchMembershipResponse>;
  
}

export interface SegmentServiceDefinition extends grpc.ServiceDefinition {
  CreateComputedTrait: MethodDefinition<_omni_segment_v1_CreateComputedTraitRequest, _omni_segment_v1_CreateComputedTraitResponse, _omni_segment_v1_CreateComputedTraitRequest__Output, _omni_segment_v1_CreateComputedTraitResponse__Output>
  CreateSegment: MethodDefinition<_omni_segment_v1_CreateSegmentRequest, _omni_segment_v1_CreateSegmentResponse, _omni_segment_v1_CreateSegmentRequest__Output, _omni_segment_v1_CreateSegmentResponse__Output>
  GetComputedTrait: MethodDefinition<_omni_segment_v1_GetComputedTraitRequest, _omni_segment_v1_GetComputedTraitResponse, _omni_segment_v1_GetComputedTraitRequest__Output, _omni_segment_v1_GetComputedTraitResponse__Output>
  GetComputedTraitValues: MethodDefinition<_omni_segment_v1_GetComputedTraitValuesRequest, _omni_segment_v1_GetComputedTraitValuesResponse, _omni_segment_v1_GetComputedTraitValuesRequest__Output, _omni_segment_v1_GetComputedTraitValuesResponse__Output>
  GetCustomerBuiltins: MethodDefinition<_omni_segment_v1_GetCustomerBuiltinsRequest, _omni_segment_v1_GetCustomerBuiltinsResponse, _omni_segment_v1_GetCustomerBuiltinsRequest__Output, _omni_segment_v1_GetCustomerBuiltinsResponse__Output>
  GetLifecycleSettings: MethodDefinition<_omni_segment_v1_GetLifecycleSettingsRequest, _omni_segment_v1_GetLifecycleSettingsResponse, _omni_segment_v1_GetLifecycleSettingsRequest__Output, _omni_segment_v1_GetLifecycleSettingsResponse__Output>
  GetMemberships: MethodDefinition<_omni_segment_v1_GetMembershipsRequest, _omni_segment_v1_GetMembershipsResponse, _omni_segment_v1_GetMembershipsRequest__Output, _omni_segment_v1_GetMembershipsResponse__Output>
  GetRecompute: MethodDefinition<_omni_segment_v1_GetRecomputeRequest, _omni_segment_v1_GetRecomputeResponse, _omni_segment_v1_GetRecomputeRequest__Output, _omni_segment_v1_GetRecomputeResponse__Output>
  GetRfmModel: MethodDefinition<_omni_segment_v1_GetRfmModelRequest, _omni_segment_v1_GetRfmModelResponse, _omni_segment_v1_GetRfmModelRequest__Output, _omni_segment_v1_GetRfmModelResponse__Output>
  GetSegment: MethodDefinition<_omni_segment_v1_GetSegmentRequest, _omni_segment_v1_GetSegmentResponse, _omni_segment_v1_GetSegmentRequest__Output, _omni_segment_v1_GetSegmentResponse__Output>
  GetSegmentSizeHistory: MethodDefinition<_omni_segment_v1_GetSegmentSizeHistoryRequest, _omni_segment_v1_GetSegmentSizeHistoryResponse, _omni_segment_v1_GetSegmentSizeHistoryRequest__Output, _omni_segment_v1_GetSegmentSizeHistoryResponse__Output>
  ListComputedTraits: MethodDefinition<_omni_segment_v1_ListComputedTraitsRequest, _omni_segment_v1_ListComputedTraitsResponse, _omni_segment_v1_ListComputedTraitsRequest__Output, _omni_segment_v1_ListComputedTraitsResponse__Output>
  ListMembers: MethodDefinition<_omni_segment_v1_ListMembersRequest, _omni_segment_v1_ListMembersResponse, _omni_segment_v1_ListMembersRequest__Output, _omni_segment_v1_ListMembersResponse__Output>
  ListSegmentVersions: MethodDefinition<_omni_segment_v1_ListSegmentVersionsRequest, _omni_segment_v1_ListSegmentVersionsResponse, _omni_segment_v1_ListSegmentVersionsRequest__Output, _omni_segment_v1_ListSegmentVersionsResponse__Output>
  ListSegments: MethodDefinition<_omni_segment_v1_ListSegmentsRequest, _omni_segment_v1_ListSegmentsResponse, _omni_segment_v1_ListSegmentsRequest__Output, _omni_segment_v1_ListSegmentsResponse__Output>
  PreviewSegment: MethodDefinition<_omni_segment_v1_PreviewSegmentRequest, _omni_segment_v1_PreviewSegmentResponse, _omni_segment_v1_PreviewSegmentRequest__Output, _omni_segment_v1_PreviewSegmentResponse__Output>
  RecomputeSegment: MethodDefinition<_omni_segment_v1_RecomputeSegmentRequest, _omni_segment_v1_RecomputeSegmentResponse, _omni_segment_v1_RecomputeSegmentRequest__Output, _omni_segment_v1_RecomputeSegmentResponse__Output>
  RefreshRfm: MethodDefinition<_omni_segment_v1_RefreshRfmRequest, _omni_segment_v1_RefreshRfmResponse, _omni_segment_v1_RefreshRfmRequest__Output, _omni_segment_v1_RefreshRfmResponse__Output>
  UpdateLifecycleSettings: MethodDefinition<_omni_segment_v1_UpdateLifecycleSettingsRequest, _omni_segment_v1_UpdateLifecycleSettingsResponse, _omni_segment_v1_UpdateLifecycleSettingsRequest__Output, _omni_segment_v1_UpdateLifecycleSettingsResponse__Output>
  UpdateSegment: MethodDefinition<_omni_segment_v1_UpdateSegmentRequest, _omni_segment_v1_UpdateSegmentResponse, _omni_segment_v1_UpdateSegmentRequest__Output, _omni_segment_v1_UpdateSegmentResponse__Output>
  WatchMembership: MethodDefinition<_omni_segment_v1_WatchMembershipRequest, _omni_segment_v1_WatchMembershipResponse, _omni_segment_v1_WatchMembershipRequest__Output, _omni_segment_v1_WatchMembershipResponse__Output>
}
