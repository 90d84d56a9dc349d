import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from './google/protobuf/Duration';
import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from './google/protobuf/FieldMask';
import type { ListValue as _google_protobuf_ListValue, ListValue__Output as _google_protobuf_ListValue__Output } from './google/protobuf/ListValue';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from './google/protobuf/Struct';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from './google/protobuf/Value';
import type { ComputedTrait as _omni_segment_v1_ComputedTrait, ComputedTrait__Output as _omni_segment_v1_ComputedTrait__Output } from './omni/segment/v1/ComputedTrait';
import type { CreateComputedTraitRequest as _omni_segment_v1_CreateComputedTraitRequest, CreateComputedTraitRequest__Output as _omni_segment_v1_CreateComputedTraitRequest__Output } from './omni/segment/v1/CreateComputedTraitRequest';
import type { CreateComputedTraitResponse as _omni_segment_v1_CreateComputedTraitResponse, CreateComputedTraitResponse__Output as _omni_segment_v1_CreateComputedTraitResponse__Output } from './omni/segment/v1/CreateComputedTraitResponse';
import type { CreateSegmentRequest as _omni_segment_v1_CreateSegmentRequest, CreateSegmentRequest__Output as _omni_segment_v1_CreateSegmentRequest__Output } from './omni/segment/v1/CreateSegmentRequest';
import type { CreateSegmentResponse as _omni_segment_v1_CreateSegmentResponse, CreateSegmentResponse__Output as _omni_segment_v1_CreateSegmentResponse__Output } from './omni/segment/v1/CreateSegmentResponse';
import type { CustomerBuiltins as _omni_segment_v1_CustomerBuiltins, CustomerBuiltins__Output as _omni_segment_v1_CustomerBuiltins__Output } from './omni/segment/v1/CustomerBuiltins';
import type { DailySize as _omni_segment_v1_DailySize, DailySize__Output as _omni_segment_v1_DailySize__Output } from './omni/segment/v1/DailySize';
import type { GetComputedTraitRequest as _omni_segment_v1_GetComputedTraitRequest, GetComputedTraitRequest__Output as _omni_segment_v1_GetComputedTraitRequest__Output } from './omni/segment/v1/GetComputedTraitRequest';
import type { GetComputedTraitResponse as _omni_segment_v1_GetComputedTraitResponse, GetComputedTraitResponse__Output as _omni_segment_v1_GetComputedTraitResponse__Output } from './omni/segment/v1/GetComputedTraitResponse';
import type { GetComputedTraitValuesRequest as _omni_segment_v1_GetComputedTraitValuesRequest, GetComputedTraitValuesRequest__Output as _omni_segment_v1_GetComputedTraitValuesRequest__Output } from './omni/segment/v1/GetComputedTraitValuesRequest';
import type { GetComputedTraitValuesResponse as _omni_segment_v1_GetComputedTraitValuesResponse, GetComputedTraitValuesResponse__Output as _omni_segment_v1_GetComputedTraitValuesResponse__Output } from './omni/segment/v1/GetComputedTraitValuesResponse';
import type { GetCustomerBuiltinsRequest as _omni_segment_v1_GetCustomerBuiltinsRequest, GetCustomerBuiltinsRequest__Output as _omni_segment_v1_GetCustomerBuiltinsRequest__Output } from './omni/segment/v1/GetCustomerBuiltinsRequest';
import type { GetCustomerBuiltinsResponse as _omni_segment_v1_GetCustomerBuiltinsResponse, GetCustomerBuiltinsResponse__Output as _omni_segment_v1_GetCustomerBuiltinsResponse__Output } from './omni/segment/v1/GetCustomerBuiltinsResponse';
import type { GetLifecycleSettingsRequest as _omni_segment_v1_GetLifecycleSettingsRequest, GetLifecycleSettingsRequest__Output as _omni_segment_v1_GetLifecycleSettingsRequest__Output } from './omni/segment/v1/GetLifecycleSettingsRequest';
import type { GetLifecycleSettingsResponse as _omni_segment_v1_GetLifecycleSettingsResponse, GetLifecycleSettingsResponse__Output as _omni_segment_v1_GetLifecycleSettingsResponse__Output } from './omni/segment/v1/GetLifecycleSettingsResponse';
import type { GetMembershipsRequest as _omni_segment_v1_GetMembershipsRequest, GetMembershipsRequest__Output as _omni_segment_v1_GetMembershipsRequest__Output } from './omni/segment/v1/GetMembershipsRequest';
import type { GetMembershipsResponse as _omni_segment_v1_GetMembershipsResponse, GetMembershipsResponse__Output as _omni_segment_v1_GetMembershipsResponse__Output } from './omni/segment/v1/GetMembershipsResponse';
import type { GetRecomputeRequest as _omni_segment_v1_GetRecomputeRequest, GetRecomputeRequest__Output as _omni_segment_v1_GetRecomputeRequest__Output } from './omni/segment/v1/GetRecomputeRequest';
import type { GetRecomputeResponse as _omni_segment_v1_GetRecomputeResponse, GetRecomputeResponse__Output as _omni_segment_v1_GetRecomputeResponse__Output } from './omni/segment/v1/GetRecomputeResponse';
import type { GetRfmModelRequest as _omni_segment_v1_GetRfmModelRequest, GetRfmModelRequest__Output as _omni_segment_v1_GetRfmModelRequest__Output } from './omni/segment/v1/GetRfmModelRequest';
import type { GetRfmModelResponse as _omni_segment_v1_GetRfmModelResponse, GetRfmModelResponse__Output as _omni_segment_v1_GetRfmModelResponse__Output } from './omni/segment/v1/GetRfmModelResponse';
import type { GetSegmentRequest as _omni_segment_v1_GetSegmentRequest, GetSegmentRequest__Output as _omni_segment_v1_GetSegmentRequest__Output } from './omni/segment/v1/GetSegmentRequest';
import type { GetSegmentResponse as _omni_segment_v1_GetSegmentResponse, GetSegmentResponse__Output as _omni_segment_v1_GetSegmentResponse__Output } from './omni/segment/v1/GetSegmentResponse';
import type { GetSegmentSizeHistoryRequest as _omni_segment_v1_GetSegmentSizeHistoryRequest, GetSegmentSizeHistoryRequest__Output as _omni_segment_v1_GetSegmentSizeHistoryRequest__Output } from './omni/segment/v1/GetSegmentSizeHistoryRequest';
import type { GetSegmentSizeHistoryResponse as _omni_segment_v1_GetSegmentSizeHistoryResponse, GetSegmentSizeHistoryResponse__Output as _omni_segment_v1_GetSegmentSizeHistoryResponse__Output } from './omni/segment/v1/GetSegmentSizeHistoryResponse';
import type { LifecycleSettings as _omni_segment_v1_LifecycleSettings, LifecycleSettings__Output as _omni_segment_v1_LifecycleSettings__Output } from './omni/segment/v1/LifecycleSettings';
import type { ListComputedTraitsRequest as _omni_segment_v1_ListComputedTraitsRequest, ListComputedTraitsRequest__Output as _omni_segment_v1_ListComputedTraitsRequest__Output } from './omni/segment/v1/ListComputedTraitsRequest';
import type { ListComputedTraitsResponse as _omni_segment_v1_ListComputedTraitsResponse, ListComputedTraitsResponse__Output as _omni_segment_v1_ListComputedTraitsResponse__Output } from './omni/segment/v1/ListComputedTraitsResponse';
import type { ListMembersRequest as _omni_segment_v1_ListMembersRequest, ListMembersRequest__Output as _omni_segment_v1_ListMembersRequest__Output } from './omni/segment/v1/ListMembersRequest';
import type { ListMembersResponse as _omni_segment_v1_ListMembersResponse, ListMembersResponse__Output as _omni_segment_v1_ListMembersResponse__Output } from './omni/segment/v1/ListMembersResponse';
import type { ListSegmentVersionsRequest as _omni_segment_v1_ListSegmentVersionsRequest, ListSegmentVersionsRequest__Output as _omni_segment_v1_ListSegmentVersionsRequest__Output } from './omni/segment/v1/ListSegmentVersionsRequest';
import type { ListSegmentVersionsResponse as _omni_segment_v1_ListSegmentVersionsResponse, ListSegmentVersionsResponse__Output as _omni_segment_v1_ListSegmentVersionsResponse__Output } from './omni/segment/v1/ListSegmentVersionsResponse';
import type { ListSegmentsRequest as _omni_segment_v1_ListSegmentsRequest, ListSegmentsRequest__Output as _omni_segment_v1_ListSegmentsRequest__Output } from './omni/segment/v1/ListSegmentsRequest';
import type { ListSegmentsResponse as _omni_segment_v1_ListSegmentsResponse, ListSegmentsResponse__Output as _omni_segment_v1_ListSegmentsResponse__Output } from './omni/segment/v1/ListSegmentsResponse';
import type { Member as _omni_segment_v1_Member, Member__Output as _omni_segment_v1_Member__Output } from './omni/segment/v1/Member';
import type { Membership as _omni_segment_v1_Membership, Membership__Output as _omni_segment_v1_Membership__Output } from './omni/segment/v1/Membership';
import type { MembershipTransition as _omni_segment_v1_MembershipTransition, MembershipTransition__Output as _omni_segment_v1_MembershipTransition__Output } from './omni/segment/v1/MembershipTransition';
import type { PreviewSegmentRequest as _omni_segment_v1_PreviewSegmentRequest, PreviewSegmentRequest__Output as _omni_segment_v1_PreviewSegmentRequest__Output } from './omni/segment/v1/PreviewSegmentRequest';
import type { PreviewSegmentResponse as _omni_segment_v1_PreviewSegmentResponse, PreviewSegmentResponse__Output as _omni_segment_v1_PreviewSegmentResponse__Output } from './omni/segment/v1/PreviewSegmentResponse';
import type { Recompute as _omni_segment_v1_Recompute, Recompute__Output as _omni_segment_v1_Recompute__Output } from './omni/segment/v1/Recompute';
import type { RecomputeSegmentRequest as _omni_segment_v1_RecomputeSegmentRequest, RecomputeSegmentRequest__Output as _omni_segment_v1_RecomputeSegmentRequest__Output } from './omni/segment/v1/RecomputeSegmentRequest';
import type { RecomputeSegmentResponse as _omni_segment_v1_RecomputeSegmentResponse, RecomputeSegmentResponse__Output as _omni_segment_v1_RecomputeSegmentResponse__Output } from './omni/segment/v1/RecomputeSegmentResponse';
import type { RefreshRfmRequest as _omni_segment_v1_RefreshRfmRequest, RefreshRfmRequest__Output as _omni_segment_v1_RefreshRfmRequest__Output } from './omni/segment/v1/RefreshRfmRequest';
import type { RefreshRfmResponse as _omni_segment_v1_RefreshRfmResponse, RefreshRfmResponse__Output as _omni_segment_v1_RefreshRfmResponse__Output } from './omni/segment/v1/RefreshRfmResponse';
import type { RfmModel as _omni_segment_v1_RfmModel, RfmModel__Output as _omni_segment_v1_RfmModel__Output } from './omni/segment/v1/RfmModel';
import type { RfmScore as _omni_segment_v1_RfmScore, RfmScore__Output as _omni_segment_v1_RfmScore__Output } from './omni/segment/v1/RfmScore';
import type { Segment as _omni_segment_v1_Segment, Segment__Output as _omni_segment_v1_Segment__Output } from './omni/segment/v1/Segment';
import type { SegmentServiceClient as _omni_segment_v1_SegmentServiceClient, SegmentServiceDefinition as _omni_segment_v1_SegmentServiceDefinition } from './omni/segment/v1/SegmentService';
import type { UpdateLifecycleSettingsRequest as _omni_segment_v1_UpdateLifecycleSettingsRequest, UpdateLifecycleSettingsRequest__Output as _omni_segment_v1_UpdateLifecycleSettingsRequest__Output } from './omni/segment/v1/UpdateLifecycleSettingsRequest';
import type { UpdateLifecycleSettingsResponse as _omni_segment_v1_UpdateLifecycleSettingsResponse, UpdateLifecycleSettingsResponse__Output as _omni_segment_v1_UpdateLifecycleSettingsResponse__Output } from './omni/segment/v1/UpdateLifecycleSettingsResponse';
import type { UpdateSegmentRequest as _omni_segment_v1_UpdateSegmentRequest, UpdateSegmentRequest__Output as _omni_segment_v1_UpdateSegmentRequest__Output } from './omni/segment/v1/UpdateSegmentRequest';
import type { UpdateSegmentResponse as _omni_segment_v1_UpdateSegmentResponse, UpdateSegmentResponse__Output as _omni_segment_v1_UpdateSegmentResponse__Output } from './omni/segment/v1/UpdateSegmentResponse';
import type { WatchMembershipRequest as _omni_segment_v1_WatchMembershipRequest, WatchMembershipRequest__Output as _omni_segment_v1_WatchMembershipRequest__Output } from './omni/segment/v1/WatchMembershipRequest';
import type { WatchMembershipResponse as _omni_segment_v1_WatchMembershipResponse, WatchMembershipResponse__Output as _omni_segment_v1_WatchMembershipResponse__Output } from './omni/segment/v1/WatchMembershipResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Duration: MessageTypeDefinition<_google_protobuf_Duration, _google_protobuf_Duration__Output>
      FieldMask: MessageTypeDefinition<_google_protobuf_FieldMask, _google_protobuf_FieldMask__Output>
      ListValue: MessageTypeDefinition<_google_protobuf_ListValue, _google_protobuf_ListValue__Output>
      NullValue: EnumTypeDefinition
      Struct: MessageTypeDefinition<_google_protobuf_Struct, _google_protobuf_Struct__Output>
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
      Value: MessageTypeDefinition<_google_protobuf_Value, _google_protobuf_Value__Output>
    }
  }
  omni: {
    segment: {
      v1: {
        Aggregation: EnumTypeDefinition
        ComputedTrait: MessageTypeDefinition<_omni_segment_v1_ComputedTrait, _omni_segment_v1_ComputedTrait__Output>
        CreateComputedTraitRequest: MessageTypeDefinition<_omni_segment_v1_CreateComputedTraitRequest, _omni_segment_v1_CreateComputedTraitRequest__Output>
        CreateComputedTraitResponse: MessageTypeDefinition<_omni_segment_v1_CreateComputedTraitResponse, _omni_segment_v1_CreateComputedTraitResponse__Output>
        CreateSegmentRequest: MessageTypeDefinition<_omni_segment_v1_CreateSegmentRequest, _omni_segment_v1_CreateSegmentRequest__Output>
        CreateSegmentResponse: MessageTypeDefinition<_omni_segment_v1_CreateSegmentResponse, _omni_segment_v1_CreateSegmentResponse__Output>
        CustomerBuiltins: MessageTypeDefinition<_omni_segment_v1_CustomerBuiltins, _omni_segment_v1_CustomerBuiltins__Output>
        DailySize: MessageTypeDefinition<_omni_segment_v1_DailySize, _omni_segment_v1_DailySize__Output>
        GetComputedTraitRequest: MessageTypeDefinition<_omni_segment_v1_GetComputedTraitRequest, _omni_segment_v1_GetComputedTraitRequest__Output>
        GetComputedTraitResponse: MessageTypeDefinition<_omni_segment_v1_GetComputedTraitResponse, _omni_segment_v1_GetComputedTraitResponse__Output>
        GetComputedTraitValuesRequest: MessageTypeDefinition<_omni_segment_v1_GetComputedTraitValuesRequest, _omni_segment_v1_GetComputedTraitValuesRequest__Output>
        GetComputedTraitValuesResponse: MessageTypeDefinition<_omni_segment_v1_GetComputedTraitValuesResponse, _omni_segment_v1_GetComputedTraitValuesResponse__Output>
        GetCustomerBuiltinsRequest: MessageTypeDefinition<_omni_segment_v1_GetCustomerBuiltinsRequest, _omni_segment_v1_GetCustomerBuiltinsRequest__Output>
        GetCustomerBuiltinsResponse: MessageTypeDefinition<_omni_segment_v1_GetCustomerBuiltinsResponse, _omni_segment_v1_GetCustomerBuiltinsResponse__Output>
        GetLifecycleSettingsRequest: MessageTypeDefinition<_omni_segment_v1_GetLifecycleSettingsRequest, _omni_segment_v1_GetLifecycleSettingsRequest__Output>
        GetLifecycleSettingsResponse: MessageTypeDefinition<_omni_segment_v1_GetLifecycleSettingsResponse, _omni_segment_v1_GetLifecycleSettingsResponse__Output>
        GetMembershipsRequest: MessageTypeDefinition<_omni_segment_v1_GetMembershipsRequest, _omni_segment_v1_GetMembershipsRequest__Output>
        GetMembershipsResponse: MessageTypeDefinition<_omni_segment_v1_GetMembershipsResponse, _omni_segment_v1_GetMembershipsResponse__Output>
        GetRecomputeRequest: MessageTypeDefinition<_omni_segment_v1_GetRecomputeRequest, _omni_segment_v1_GetRecomputeRequest__Output>
        GetRecomputeResponse: MessageTypeDefinition<_omni_segment_v1_GetRecomputeResponse, _omni_segment_v1_GetRecomputeResponse__Output>
        GetRfmModelRequest: MessageTypeDefinition<_omni_segment_v1_GetRfmModelRequest, _omni_segment_v1_GetRfmModelRequest__Output>
        GetRfmModelResponse: MessageTypeDefinition<_omni_segment_v1_GetRfmModelResponse, _omni_segment_v1_GetRfmModelResponse__Output>
        GetSegmentRequest: MessageTypeDefinition<_omni_segment_v1_GetSegmentRequest, _omni_segment_v1_GetSegmentRequest__Output>
        GetSegmentResponse: MessageTypeDefinition<_omni_segment_v1_GetSegmentResponse, _omni_segment_v1_GetSegmentResponse__Output>
        GetSegmentSizeHistoryRequest: MessageTypeDefinition<_omni_segment_v1_GetSegmentSizeHistoryRequest, _omni_segment_v1_GetSegmentSizeHistoryRequest__Output>
        GetSegmentSizeHistoryResponse: MessageTypeDefinition<_omni_segment_v1_GetSegmentSizeHistoryResponse, _omni_segment_v1_GetSegmentSizeHistoryResponse__Output>
        LifecycleSettings: MessageTypeDefinition<_omni_segment_v1_LifecycleSettings, _omni_segment_v1_LifecycleSettings__Output>
        LifecycleStage: EnumTypeDefinition
        ListComputedTraitsRequest: MessageTypeDefinition<_omni_segment_v1_ListComputedTraitsRequest, _omni_segment_v1_ListComputedTraitsRequest__Output>
        ListComputedTraitsResponse: MessageTypeDefinition<_omni_segment_v1_ListComputedTraitsResponse, _omni_segment_v1_ListComputedTraitsResponse__Output>
        ListMembersRequest: MessageTypeDefinition<_omni_segment_v1_ListMembersRequest, _omni_segment_v1_ListMembersRequest__Output>
        ListMembersResponse: MessageTypeDefinition<_omni_segment_v1_ListMembersResponse, _omni_segment_v1_ListMembersResponse__Output>
        ListSegmentVersionsRequest: MessageTypeDefinition<_omni_segment_v1_ListSegmentVersionsRequest, _omni_segment_v1_ListSegmentVersionsRequest__Output>
        ListSegmentVersionsResponse: MessageTypeDefinition<_omni_segment_v1_ListSegmentVersionsResponse, _omni_segment_v1_ListSegmentVersionsResponse__Output>
        ListSegmentsRequest: MessageTypeDefinition<_omni_segment_v1_ListSegmentsRequest, _omni_segment_v1_ListSegmentsRequest__Output>
        ListSegmentsResponse: MessageTypeDefinition<_omni_segment_v1_ListSegmentsResponse, _omni_segment_v1_ListSegmentsResponse__Output>
        Member: MessageTypeDefinition<_omni_segment_v1_Member, _omni_segment_v1_Member__Output>
        Membership: MessageTypeDefinition<_omni_segment_v1_Membership, _omni_segment_v1_Membership__Output>
        MembershipChangeReason: EnumTypeDefinition
        MembershipTransition: MessageTypeDefinition<_omni_segment_v1_MembershipTransition, _omni_segment_v1_MembershipTransition__Output>
        PreviewSegmentRequest: MessageTypeDefinition<_omni_segment_v1_PreviewSegmentRequest, _omni_segment_v1_PreviewSegmentRequest__Output>
        PreviewSegmentResponse: MessageTypeDefinition<_omni_segment_v1_PreviewSegmentResponse, _omni_segment_v1_PreviewSegmentResponse__Output>
        Recompute: MessageTypeDefinition<_omni_segment_v1_Recompute, _omni_segment_v1_Recompute__Output>
        RecomputeSegmentRequest: MessageTypeDefinition<_omni_segment_v1_RecomputeSegmentRequest, _omni_segment_v1_RecomputeSegmentRequest__Output>
        RecomputeSegmentResponse: MessageTypeDefinition<_omni_segment_v1_RecomputeSegmentResponse, _omni_segment_v1_RecomputeSegmentResponse__Output>
        RecomputeState: EnumTypeDefinition
        RefreshRfmRequest: MessageTypeDefinition<_omni_segment_v1_RefreshRfmRequest, _omni_segment_v1_RefreshRfmRequest__Output>
        RefreshRfmResponse: MessageTypeDefinition<_omni_segment_v1_RefreshRfmResponse, _omni_segment_v1_RefreshRfmResponse__Output>
        RfmModel: MessageTypeDefinition<_omni_segment_v1_RfmModel, _omni_segment_v1_RfmModel__Output>
        RfmScore: MessageTypeDefinition<_omni_segment_v1_RfmScore, _omni_segment_v1_RfmScore__Output>
        Segment: MessageTypeDefinition<_omni_segment_v1_Segment, _omni_segment_v1_Segment__Output>
        SegmentService: SubtypeConstructor<typeof grpc.Client, _omni_segment_v1_SegmentServiceClient> & { service: _omni_segment_v1_SegmentServiceDefinition }
        UpdateLifecycleSettingsRequest: MessageTypeDefinition<_omni_segment_v1_UpdateLifecycleSettingsRequest, _omni_segment_v1_UpdateLifecycleSettingsRequest__Output>
        UpdateLifecycleSettingsResponse: MessageTypeDefinition<_omni_segment_v1_UpdateLifecycleSettingsResponse, _omni_segment_v1_UpdateLifecycleSettingsResponse__Output>
        UpdateSegmentRequest: MessageTypeDefinition<_omni_segment_v1_UpdateSegmentRequest, _omni_segment_v1_UpdateSegmentRequest__Output>
        UpdateSegmentResponse: MessageTypeDefinition<_omni_segment_v1_UpdateSegmentResponse, _omni_segment_v1_UpdateSegmentResponse__Output>
        WatchMembershipRequest: MessageTypeDefinition<_omni_segment_v1_WatchMembershipRequest, _omni_segment_v1_WatchMembershipRequest__Output>
        WatchMembershipResponse: MessageTypeDefinition<_omni_segment_v1_WatchMembershipResponse, _omni_segment_v1_WatchMembershipResponse__Output>
      }
    }
  }
}

