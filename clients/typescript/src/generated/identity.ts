import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from './google/protobuf/Duration';
import type { FieldMask as _google_protobuf_FieldMask, FieldMask__Output as _google_protobuf_FieldMask__Output } from './google/protobuf/FieldMask';
import type { ListValue as _google_protobuf_ListValue, ListValue__Output as _google_protobuf_ListValue__Output } from './google/protobuf/ListValue';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from './google/protobuf/Struct';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from './google/protobuf/Value';
import type { Event as _omni_common_v1_Event, Event__Output as _omni_common_v1_Event__Output } from './omni/common/v1/Event';
import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from './omni/common/v1/Identifier';
import type { AcceptSuggestionRequest as _omni_identity_v1_AcceptSuggestionRequest, AcceptSuggestionRequest__Output as _omni_identity_v1_AcceptSuggestionRequest__Output } from './omni/identity/v1/AcceptSuggestionRequest';
import type { AcceptSuggestionResponse as _omni_identity_v1_AcceptSuggestionResponse, AcceptSuggestionResponse__Output as _omni_identity_v1_AcceptSuggestionResponse__Output } from './omni/identity/v1/AcceptSuggestionResponse';
import type { AccessServiceClient as _omni_identity_v1_AccessServiceClient, AccessServiceDefinition as _omni_identity_v1_AccessServiceDefinition } from './omni/identity/v1/AccessService';
import type { ApiKey as _omni_identity_v1_ApiKey, ApiKey__Output as _omni_identity_v1_ApiKey__Output } from './omni/identity/v1/ApiKey';
import type { AuditEntry as _omni_identity_v1_AuditEntry, AuditEntry__Output as _omni_identity_v1_AuditEntry__Output } from './omni/identity/v1/AuditEntry';
import type { ChannelEngagement as _omni_identity_v1_ChannelEngagement, ChannelEngagement__Output as _omni_identity_v1_ChannelEngagement__Output } from './omni/identity/v1/ChannelEngagement';
import type { ChannelReachability as _omni_identity_v1_ChannelReachability, ChannelReachability__Output as _omni_identity_v1_ChannelReachability__Output } from './omni/identity/v1/ChannelReachability';
import type { Conflict as _omni_identity_v1_Conflict, Conflict__Output as _omni_identity_v1_Conflict__Output } from './omni/identity/v1/Conflict';
import type { Consent as _omni_identity_v1_Consent, Consent__Output as _omni_identity_v1_Consent__Output } from './omni/identity/v1/Consent';
import type { ConsentRecord as _omni_identity_v1_ConsentRecord, ConsentRecord__Output as _omni_identity_v1_ConsentRecord__Output } from './omni/identity/v1/ConsentRecord';
import type { ContactPreferences as _omni_identity_v1_ContactPreferences, ContactPreferences__Output as _omni_identity_v1_ContactPreferences__Output } from './omni/identity/v1/ContactPreferences';
import type { CreateApiKeyRequest as _omni_identity_v1_CreateApiKeyRequest, CreateApiKeyRequest__Output as _omni_identity_v1_CreateApiKeyRequest__Output } from './omni/identity/v1/CreateApiKeyRequest';
import type { CreateApiKeyResponse as _omni_identity_v1_CreateApiKeyResponse, CreateApiKeyResponse__Output as _omni_identity_v1_CreateApiKeyResponse__Output } from './omni/identity/v1/CreateApiKeyResponse';
import type { CustomerQuietHours as _omni_identity_v1_CustomerQuietHours, CustomerQuietHours__Output as _omni_identity_v1_CustomerQuietHours__Output } from './omni/identity/v1/CustomerQuietHours';
import type { EraseCustomerRequest as _omni_identity_v1_EraseCustomerRequest, EraseCustomerRequest__Output as _omni_identity_v1_EraseCustomerRequest__Output } from './omni/identity/v1/EraseCustomerRequest';
import type { EraseCustomerResponse as _omni_identity_v1_EraseCustomerResponse, EraseCustomerResponse__Output as _omni_identity_v1_EraseCustomerResponse__Output } from './omni/identity/v1/EraseCustomerResponse';
import type { ExportCustomerRequest as _omni_identity_v1_ExportCustomerRequest, ExportCustomerRequest__Output as _omni_identity_v1_ExportCustomerRequest__Output } from './omni/identity/v1/ExportCustomerRequest';
import type { ExportCustomerResponse as _omni_identity_v1_ExportCustomerResponse, ExportCustomerResponse__Output as _omni_identity_v1_ExportCustomerResponse__Output } from './omni/identity/v1/ExportCustomerResponse';
import type { GetContactPreferencesRequest as _omni_identity_v1_GetContactPreferencesRequest, GetContactPreferencesRequest__Output as _omni_identity_v1_GetContactPreferencesRequest__Output } from './omni/identity/v1/GetContactPreferencesRequest';
import type { GetContactPreferencesResponse as _omni_identity_v1_GetContactPreferencesResponse, GetContactPreferencesResponse__Output as _omni_identity_v1_GetContactPreferencesResponse__Output } from './omni/identity/v1/GetContactPreferencesResponse';
import type { GetIdentityRulesRequest as _omni_identity_v1_GetIdentityRulesRequest, GetIdentityRulesRequest__Output as _omni_identity_v1_GetIdentityRulesRequest__Output } from './omni/identity/v1/GetIdentityRulesRequest';
import type { GetIdentityRulesResponse as _omni_identity_v1_GetIdentityRulesResponse, GetIdentityRulesResponse__Output as _omni_identity_v1_GetIdentityRulesResponse__Output } from './omni/identity/v1/GetIdentityRulesResponse';
import type { GetMergeHistoryRequest as _omni_identity_v1_GetMergeHistoryRequest, GetMergeHistoryRequest__Output as _omni_identity_v1_GetMergeHistoryRequest__Output } from './omni/identity/v1/GetMergeHistoryRequest';
import type { GetMergeHistoryResponse as _omni_identity_v1_GetMergeHistoryResponse, GetMergeHistoryResponse__Output as _omni_identity_v1_GetMergeHistoryResponse__Output } from './omni/identity/v1/GetMergeHistoryResponse';
import type { GetProfileRequest as _omni_identity_v1_GetProfileRequest, GetProfileRequest__Output as _omni_identity_v1_GetProfileRequest__Output } from './omni/identity/v1/GetProfileRequest';
import type { GetProfileResponse as _omni_identity_v1_GetProfileResponse, GetProfileResponse__Output as _omni_identity_v1_GetProfileResponse__Output } from './omni/identity/v1/GetProfileResponse';
import type { IdentifierTypeRule as _omni_identity_v1_IdentifierTypeRule, IdentifierTypeRule__Output as _omni_identity_v1_IdentifierTypeRule__Output } from './omni/identity/v1/IdentifierTypeRule';
import type { IdentifyRequest as _omni_identity_v1_IdentifyRequest, IdentifyRequest__Output as _omni_identity_v1_IdentifyRequest__Output } from './omni/identity/v1/IdentifyRequest';
import type { IdentifyResponse as _omni_identity_v1_IdentifyResponse, IdentifyResponse__Output as _omni_identity_v1_IdentifyResponse__Output } from './omni/identity/v1/IdentifyResponse';
import type { IdentityRules as _omni_identity_v1_IdentityRules, IdentityRules__Output as _omni_identity_v1_IdentityRules__Output } from './omni/identity/v1/IdentityRules';
import type { IdentityServiceClient as _omni_identity_v1_IdentityServiceClient, IdentityServiceDefinition as _omni_identity_v1_IdentityServiceDefinition } from './omni/identity/v1/IdentityService';
import type { ListApiKeysRequest as _omni_identity_v1_ListApiKeysRequest, ListApiKeysRequest__Output as _omni_identity_v1_ListApiKeysRequest__Output } from './omni/identity/v1/ListApiKeysRequest';
import type { ListApiKeysResponse as _omni_identity_v1_ListApiKeysResponse, ListApiKeysResponse__Output as _omni_identity_v1_ListApiKeysResponse__Output } from './omni/identity/v1/ListApiKeysResponse';
import type { ListAuditLogRequest as _omni_identity_v1_ListAuditLogRequest, ListAuditLogRequest__Output as _omni_identity_v1_ListAuditLogRequest__Output } from './omni/identity/v1/ListAuditLogRequest';
import type { ListAuditLogResponse as _omni_identity_v1_ListAuditLogResponse, ListAuditLogResponse__Output as _omni_identity_v1_ListAuditLogResponse__Output } from './omni/identity/v1/ListAuditLogResponse';
import type { ListConflictsRequest as _omni_identity_v1_ListConflictsRequest, ListConflictsRequest__Output as _omni_identity_v1_ListConflictsRequest__Output } from './omni/identity/v1/ListConflictsRequest';
import type { ListConflictsResponse as _omni_identity_v1_ListConflictsResponse, ListConflictsResponse__Output as _omni_identity_v1_ListConflictsResponse__Output } from './omni/identity/v1/ListConflictsResponse';
import type { ListConsentHistoryRequest as _omni_identity_v1_ListConsentHistoryRequest, ListConsentHistoryRequest__Output as _omni_identity_v1_ListConsentHistoryRequest__Output } from './omni/identity/v1/ListConsentHistoryRequest';
import type { ListConsentHistoryResponse as _omni_identity_v1_ListConsentHistoryResponse, ListConsentHistoryResponse__Output as _omni_identity_v1_ListConsentHistoryResponse__Output } from './omni/identity/v1/ListConsentHistoryResponse';
import type { ListEventsRequest as _omni_identity_v1_ListEventsRequest, ListEventsRequest__Output as _omni_identity_v1_ListEventsRequest__Output } from './omni/identity/v1/ListEventsRequest';
import type { ListEventsResponse as _omni_identity_v1_ListEventsResponse, ListEventsResponse__Output as _omni_identity_v1_ListEventsResponse__Output } from './omni/identity/v1/ListEventsResponse';
import type { ListMatchSuggestionsRequest as _omni_identity_v1_ListMatchSuggestionsRequest, ListMatchSuggestionsRequest__Output as _omni_identity_v1_ListMatchSuggestionsRequest__Output } from './omni/identity/v1/ListMatchSuggestionsRequest';
import type { ListMatchSuggestionsResponse as _omni_identity_v1_ListMatchSuggestionsResponse, ListMatchSuggestionsResponse__Output as _omni_identity_v1_ListMatchSuggestionsResponse__Output } from './omni/identity/v1/ListMatchSuggestionsResponse';
import type { MatchSignal as _omni_identity_v1_MatchSignal, MatchSignal__Output as _omni_identity_v1_MatchSignal__Output } from './omni/identity/v1/MatchSignal';
import type { MatchSuggestion as _omni_identity_v1_MatchSuggestion, MatchSuggestion__Output as _omni_identity_v1_MatchSuggestion__Output } from './omni/identity/v1/MatchSuggestion';
import type { Merge as _omni_identity_v1_Merge, Merge__Output as _omni_identity_v1_Merge__Output } from './omni/identity/v1/Merge';
import type { MergeCustomersRequest as _omni_identity_v1_MergeCustomersRequest, MergeCustomersRequest__Output as _omni_identity_v1_MergeCustomersRequest__Output } from './omni/identity/v1/MergeCustomersRequest';
import type { MergeCustomersResponse as _omni_identity_v1_MergeCustomersResponse, MergeCustomersResponse__Output as _omni_identity_v1_MergeCustomersResponse__Output } from './omni/identity/v1/MergeCustomersResponse';
import type { Profile as _omni_identity_v1_Profile, Profile__Output as _omni_identity_v1_Profile__Output } from './omni/identity/v1/Profile';
import type { PurchaseSummary as _omni_identity_v1_PurchaseSummary, PurchaseSummary__Output as _omni_identity_v1_PurchaseSummary__Output } from './omni/identity/v1/PurchaseSummary';
import type { PushToken as _omni_identity_v1_PushToken, PushToken__Output as _omni_identity_v1_PushToken__Output } from './omni/identity/v1/PushToken';
import type { RejectSuggestionRequest as _omni_identity_v1_RejectSuggestionRequest, RejectSuggestionRequest__Output as _omni_identity_v1_RejectSuggestionRequest__Output } from './omni/identity/v1/RejectSuggestionRequest';
import type { RejectSuggestionResponse as _omni_identity_v1_RejectSuggestionResponse, RejectSuggestionResponse__Output as _omni_identity_v1_RejectSuggestionResponse__Output } from './omni/identity/v1/RejectSuggestionResponse';
import type { RevokeApiKeyRequest as _omni_identity_v1_RevokeApiKeyRequest, RevokeApiKeyRequest__Output as _omni_identity_v1_RevokeApiKeyRequest__Output } from './omni/identity/v1/RevokeApiKeyRequest';
import type { RevokeApiKeyResponse as _omni_identity_v1_RevokeApiKeyResponse, RevokeApiKeyResponse__Output as _omni_identity_v1_RevokeApiKeyResponse__Output } from './omni/identity/v1/RevokeApiKeyResponse';
import type { RotateApiKeyRequest as _omni_identity_v1_RotateApiKeyRequest, RotateApiKeyRequest__Output as _omni_identity_v1_RotateApiKeyRequest__Output } from './omni/identity/v1/RotateApiKeyRequest';
import type { RotateApiKeyResponse as _omni_identity_v1_RotateApiKeyResponse, RotateApiKeyResponse__Output as _omni_identity_v1_RotateApiKeyResponse__Output } from './omni/identity/v1/RotateApiKeyResponse';
import type { SetContactPreferencesRequest as _omni_identity_v1_SetContactPreferencesRequest, SetContactPreferencesRequest__Output as _omni_identity_v1_SetContactPreferencesRequest__Output } from './omni/identity/v1/SetContactPreferencesRequest';
import type { SetContactPreferencesResponse as _omni_identity_v1_SetContactPreferencesResponse, SetContactPreferencesResponse__Output as _omni_identity_v1_SetContactPreferencesResponse__Output } from './omni/identity/v1/SetContactPreferencesResponse';
import type { Snooze as _omni_identity_v1_Snooze, Snooze__Output as _omni_identity_v1_Snooze__Output } from './omni/identity/v1/Snooze';
import type { SnoozeContactRequest as _omni_identity_v1_SnoozeContactRequest, SnoozeContactRequest__Output as _omni_identity_v1_SnoozeContactRequest__Output } from './omni/identity/v1/SnoozeContactRequest';
import type { SnoozeContactResponse as _omni_identity_v1_SnoozeContactResponse, SnoozeContactResponse__Output as _omni_identity_v1_SnoozeContactResponse__Output } from './omni/identity/v1/SnoozeContactResponse';
import type { StoreVisit as _omni_identity_v1_StoreVisit, StoreVisit__Output as _omni_identity_v1_StoreVisit__Output } from './omni/identity/v1/StoreVisit';
import type { TimelineEvent as _omni_identity_v1_TimelineEvent, TimelineEvent__Output as _omni_identity_v1_TimelineEvent__Output } from './omni/identity/v1/TimelineEvent';
import type { TrackBatchRequest as _omni_identity_v1_TrackBatchRequest, TrackBatchRequest__Output as _omni_identity_v1_TrackBatchRequest__Output } from './omni/identity/v1/TrackBatchRequest';
import type { TrackBatchResponse as _omni_identity_v1_TrackBatchResponse, TrackBatchResponse__Output as _omni_identity_v1_TrackBatchResponse__Output } from './omni/identity/v1/TrackBatchResponse';
import type { TrackError as _omni_identity_v1_TrackError, TrackError__Output as _omni_identity_v1_TrackError__Output } from './omni/identity/v1/TrackError';
import type { TrackRequest as _omni_identity_v1_TrackRequest, TrackRequest__Output as _omni_identity_v1_TrackRequest__Output } from './omni/identity/v1/TrackRequest';
import type { TrackResponse as _omni_identity_v1_TrackResponse, TrackResponse__Output as _omni_identity_v1_TrackResponse__Output } from './omni/identity/v1/TrackResponse';
import type { TrackResult as _omni_identity_v1_TrackResult, TrackResult__Output as _omni_identity_v1_TrackResult__Output } from './omni/identity/v1/TrackResult';
import type { TypedTrait as _omni_identity_v1_TypedTrait, TypedTrait__Output as _omni_identity_v1_TypedTrait__Output } from './omni/identity/v1/TypedTrait';
import type { UnmergeRequest as _omni_identity_v1_UnmergeRequest, UnmergeRequest__Output as _omni_identity_v1_UnmergeRequest__Output } from './omni/identity/v1/UnmergeRequest';
import type { UnmergeResponse as _omni_identity_v1_UnmergeResponse, UnmergeResponse__Output as _omni_identity_v1_UnmergeResponse__Output } from './omni/identity/v1/UnmergeResponse';
import type { UpdateConsentRequest as _omni_identity_v1_UpdateConsentRequest, UpdateConsentRequest__Output as _omni_identity_v1_UpdateConsentRequest__Output } from './omni/identity/v1/UpdateConsentRequest';
import type { UpdateConsentResponse as _omni_identity_v1_UpdateConsentResponse, UpdateConsentResponse__Output as _omni_identity_v1_UpdateConsentResponse__Output } from './omni/identity/v1/UpdateConsentResponse';
import type { UpdateGlobalUnsubscribeRequest as _omni_identity_v1_UpdateGlobalUnsubscribeRequest, UpdateGlobalUnsubscribeRequest__Output as _omni_identity_v1_UpdateGlobalUnsubscribeRequest__Output } from './omni/identity/v1/UpdateGlobalUnsubscribeRequest';
import type { UpdateGlobalUnsubscribeResponse as _omni_identity_v1_UpdateGlobalUnsubscribeResponse, UpdateGlobalUnsubscribeResponse__Output as _omni_identity_v1_UpdateGlobalUnsubscribeResponse__Output } from './omni/identity/v1/UpdateGlobalUnsubscribeResponse';
import type { UpdateIdentityRulesRequest as _omni_identity_v1_UpdateIdentityRulesRequest, UpdateIdentityRulesRequest__Output as _omni_identity_v1_UpdateIdentityRulesRequest__Output } from './omni/identity/v1/UpdateIdentityRulesRequest';
import type { UpdateIdentityRulesResponse as _omni_identity_v1_UpdateIdentityRulesResponse, UpdateIdentityRulesResponse__Output as _omni_identity_v1_UpdateIdentityRulesResponse__Output } from './omni/identity/v1/UpdateIdentityRulesResponse';

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
    common: {
      v1: {
        DeliveryChannel: EnumTypeDefinition
        Event: MessageTypeDefinition<_omni_common_v1_Event, _omni_common_v1_Event__Output>
        Identifier: MessageTypeDefinition<_omni_common_v1_Identifier, _omni_common_v1_Identifier__Output>
        IdentifierType: EnumTypeDefinition
        SourceChannel: EnumTypeDefinition
      }
    }
    identity: {
      v1: {
        AcceptSuggestionRequest: MessageTypeDefinition<_omni_identity_v1_AcceptSuggestionRequest, _omni_identity_v1_AcceptSuggestionRequest__Output>
        AcceptSuggestionResponse: MessageTypeDefinition<_omni_identity_v1_AcceptSuggestionResponse, _omni_identity_v1_AcceptSuggestionResponse__Output>
        AccessService: SubtypeConstructor<typeof grpc.Client, _omni_identity_v1_AccessServiceClient> & { service: _omni_identity_v1_AccessServiceDefinition }
        ApiKey: MessageTypeDefinition<_omni_identity_v1_ApiKey, _omni_identity_v1_ApiKey__Output>
        AuditEntry: MessageTypeDefinition<_omni_identity_v1_AuditEntry, _omni_identity_v1_AuditEntry__Output>
        ChannelEngagement: MessageTypeDefinition<_omni_identity_v1_ChannelEngagement, _omni_identity_v1_ChannelEngagement__Output>
        ChannelReachability: MessageTypeDefinition<_omni_identity_v1_ChannelReachability, _omni_identity_v1_ChannelReachability__Output>
        Conflict: MessageTypeDefinition<_omni_identity_v1_Conflict, _omni_identity_v1_Conflict__Output>
        Consent: MessageTypeDefinition<_omni_identity_v1_Consent, _omni_identity_v1_Consent__Output>
        ConsentPurpose: EnumTypeDefinition
        ConsentRecord: MessageTypeDefinition<_omni_identity_v1_ConsentRecord, _omni_identity_v1_ConsentRecord__Output>
        ContactPreferences: MessageTypeDefinition<_omni_identity_v1_ContactPreferences, _omni_identity_v1_ContactPreferences__Output>
        CreateApiKeyRequest: MessageTypeDefinition<_omni_identity_v1_CreateApiKeyRequest, _omni_identity_v1_CreateApiKeyRequest__Output>
        CreateApiKeyResponse: MessageTypeDefinition<_omni_identity_v1_CreateApiKeyResponse, _omni_identity_v1_CreateApiKeyResponse__Output>
        CustomerQuietHours: MessageTypeDefinition<_omni_identity_v1_CustomerQuietHours, _omni_identity_v1_CustomerQuietHours__Output>
        EraseCustomerRequest: MessageTypeDefinition<_omni_identity_v1_EraseCustomerRequest, _omni_identity_v1_EraseCustomerRequest__Output>
        EraseCustomerResponse: MessageTypeDefinition<_omni_identity_v1_EraseCustomerResponse, _omni_identity_v1_EraseCustomerResponse__Output>
        ExportCustomerRequest: MessageTypeDefinition<_omni_identity_v1_ExportCustomerRequest, _omni_identity_v1_ExportCustomerRequest__Output>
        ExportCustomerResponse: MessageTypeDefinition<_omni_identity_v1_ExportCustomerResponse, _omni_identity_v1_ExportCustomerResponse__Output>
        GetContactPreferencesRequest: MessageTypeDefinition<_omni_identity_v1_GetContactPreferencesRequest, _omni_identity_v1_GetContactPreferencesRequest__Output>
        GetContactPreferencesResponse: MessageTypeDefinition<_omni_identity_v1_GetContactPreferencesResponse, _omni_identity_v1_GetContactPreferencesResponse__Output>
        GetIdentityRulesRequest: MessageTypeDefinition<_omni_identity_v1_GetIdentityRulesRequest, _omni_identity_v1_GetIdentityRulesRequest__Output>
        GetIdentityRulesResponse: MessageTypeDefinition<_omni_identity_v1_GetIdentityRulesResponse, _omni_identity_v1_GetIdentityRulesResponse__Output>
        GetMergeHistoryRequest: MessageTypeDefinition<_omni_identity_v1_GetMergeHistoryRequest, _omni_identity_v1_GetMergeHistoryRequest__Output>
        GetMergeHistoryResponse: MessageTypeDefinition<_omni_identity_v1_GetMergeHistoryResponse, _omni_identity_v1_GetMergeHistoryResponse__Output>
        GetProfileRequest: MessageTypeDefinition<_omni_identity_v1_GetProfileRequest, _omni_identity_v1_GetProfileRequest__Output>
        GetProfileResponse: MessageTypeDefinition<_omni_identity_v1_GetProfileResponse, _omni_identity_v1_GetProfileResponse__Output>
        IdentifierTypeRule: MessageTypeDefinition<_omni_identity_v1_IdentifierTypeRule, _omni_identity_v1_IdentifierTypeRule__Output>
        IdentifyRequest: MessageTypeDefinition<_omni_identity_v1_IdentifyRequest, _omni_identity_v1_IdentifyRequest__Output>
        IdentifyResponse: MessageTypeDefinition<_omni_identity_v1_IdentifyResponse, _omni_identity_v1_IdentifyResponse__Output>
        IdentityRules: MessageTypeDefinition<_omni_identity_v1_IdentityRules, _omni_identity_v1_IdentityRules__Output>
        IdentityService: SubtypeConstructor<typeof grpc.Client, _omni_identity_v1_IdentityServiceClient> & { service: _omni_identity_v1_IdentityServiceDefinition }
        ListApiKeysRequest: MessageTypeDefinition<_omni_identity_v1_ListApiKeysRequest, _omni_identity_v1_ListApiKeysRequest__Output>
        ListApiKeysResponse: MessageTypeDefinition<_omni_identity_v1_ListApiKeysResponse, _omni_identity_v1_ListApiKeysResponse__Output>
        ListAuditLogRequest: MessageTypeDefinition<_omni_identity_v1_ListAuditLogRequest, _omni_identity_v1_ListAuditLogRequest__Output>
        ListAuditLogResponse: MessageTypeDefinition<_omni_identity_v1_ListAuditLogResponse, _omni_identity_v1_ListAuditLogResponse__Output>
        ListConflictsRequest: MessageTypeDefinition<_omni_identity_v1_ListConflictsRequest, _omni_identity_v1_ListConflictsRequest__Output>
        ListConflictsResponse: MessageTypeDefinition<_omni_identity_v1_ListConflictsResponse, _omni_identity_v1_ListConflictsResponse__Output>
        ListConsentHistoryRequest: MessageTypeDefinition<_omni_identity_v1_ListConsentHistoryRequest, _omni_identity_v1_ListConsentHistoryRequest__Output>
        ListConsentHistoryResponse: MessageTypeDefinition<_omni_identity_v1_ListConsentHistoryResponse, _omni_identity_v1_ListConsentHistoryResponse__Output>
        ListEventsRequest: MessageTypeDefinition<_omni_identity_v1_ListEventsRequest, _omni_identity_v1_ListEventsRequest__Output>
        ListEventsResponse: MessageTypeDefinition<_omni_identity_v1_ListEventsResponse, _omni_identity_v1_ListEventsResponse__Output>
        ListMatchSuggestionsRequest: MessageTypeDefinition<_omni_identity_v1_ListMatchSuggestionsRequest, _omni_identity_v1_ListMatchSuggestionsRequest__Output>
        ListMatchSuggestionsResponse: MessageTypeDefinition<_omni_identity_v1_ListMatchSuggestionsResponse, _omni_identity_v1_ListMatchSuggestionsResponse__Output>
        MatchSignal: MessageTypeDefinition<_omni_identity_v1_MatchSignal, _omni_identity_v1_MatchSignal__Output>
        MatchSuggestion: MessageTypeDefinition<_omni_identity_v1_MatchSuggestion, _omni_identity_v1_MatchSuggestion__Output>
        Merge: MessageTypeDefinition<_omni_identity_v1_Merge, _omni_identity_v1_Merge__Output>
        MergeCustomersRequest: MessageTypeDefinition<_omni_identity_v1_MergeCustomersRequest, _omni_identity_v1_MergeCustomersRequest__Output>
        MergeCustomersResponse: MessageTypeDefinition<_omni_identity_v1_MergeCustomersResponse, _omni_identity_v1_MergeCustomersResponse__Output>
        Normalization: EnumTypeDefinition
        Profile: MessageTypeDefinition<_omni_identity_v1_Profile, _omni_identity_v1_Profile__Output>
        PurchaseSummary: MessageTypeDefinition<_omni_identity_v1_PurchaseSummary, _omni_identity_v1_PurchaseSummary__Output>
        PushToken: MessageTypeDefinition<_omni_identity_v1_PushToken, _omni_identity_v1_PushToken__Output>
        RejectSuggestionRequest: MessageTypeDefinition<_omni_identity_v1_RejectSuggestionRequest, _omni_identity_v1_RejectSuggestionRequest__Output>
        RejectSuggestionResponse: MessageTypeDefinition<_omni_identity_v1_RejectSuggestionResponse, _omni_identity_v1_RejectSuggestionResponse__Output>
        RevokeApiKeyRequest: MessageTypeDefinition<_omni_identity_v1_RevokeApiKeyRequest, _omni_identity_v1_RevokeApiKeyRequest__Output>
        RevokeApiKeyResponse: MessageTypeDefinition<_omni_identity_v1_RevokeApiKeyResponse, _omni_identity_v1_RevokeApiKeyResponse__Output>
        Role: EnumTypeDefinition
        RotateApiKeyRequest: MessageTypeDefinition<_omni_identity_v1_RotateApiKeyRequest, _omni_identity_v1_RotateApiKeyRequest__Output>
        RotateApiKeyResponse: MessageTypeDefinition<_omni_identity_v1_RotateApiKeyResponse, _omni_identity_v1_RotateApiKeyResponse__Output>
        SetContactPreferencesRequest: MessageTypeDefinition<_omni_identity_v1_SetContactPreferencesRequest, _omni_identity_v1_SetContactPreferencesRequest__Output>
        SetContactPreferencesResponse: MessageTypeDefinition<_omni_identity_v1_SetContactPreferencesResponse, _omni_identity_v1_SetContactPreferencesResponse__Output>
        Snooze: MessageTypeDefinition<_omni_identity_v1_Snooze, _omni_identity_v1_Snooze__Output>
        SnoozeContactRequest: MessageTypeDefinition<_omni_identity_v1_SnoozeContactRequest, _omni_identity_v1_SnoozeContactRequest__Output>
        SnoozeContactResponse: MessageTypeDefinition<_omni_identity_v1_SnoozeContactResponse, _omni_identity_v1_SnoozeContactResponse__Output>
        StoreVisit: MessageTypeDefinition<_omni_identity_v1_StoreVisit, _omni_identity_v1_StoreVisit__Output>
        SuggestionState: EnumTypeDefinition
        TimelineEvent: MessageTypeDefinition<_omni_identity_v1_TimelineEvent, _omni_identity_v1_TimelineEvent__Output>
        TrackBatchRequest: MessageTypeDefinition<_omni_identity_v1_TrackBatchRequest, _omni_identity_v1_TrackBatchRequest__Output>
        TrackBatchResponse: MessageTypeDefinition<_omni_identity_v1_TrackBatchResponse, _omni_identity_v1_TrackBatchResponse__Output>
        TrackError: MessageTypeDefinition<_omni_identity_v1_TrackError, _omni_identity_v1_TrackError__Output>
        TrackRequest: MessageTypeDefinition<_omni_identity_v1_TrackRequest, _omni_identity_v1_TrackRequest__Output>
        TrackResponse: MessageTypeDefinition<_omni_identity_v1_TrackResponse, _omni_identity_v1_TrackResponse__Output>
        TrackResult: MessageTypeDefinition<_omni_identity_v1_TrackResult, _omni_identity_v1_TrackResult__Output>
        TraitType: EnumTypeDefinition
        TypedTrait: MessageTypeDefinition<_omni_identity_v1_TypedTrait, _omni_identity_v1_TypedTrait__Output>
        UnmergeRequest: MessageTypeDefinition<_omni_identity_v1_UnmergeRequest, _omni_identity_v1_UnmergeRequest__Output>
        UnmergeResponse: MessageTypeDefinition<_omni_identity_v1_UnmergeResponse, _omni_identity_v1_UnmergeResponse__Output>
        UpdateConsentRequest: MessageTypeDefinition<_omni_identity_v1_UpdateConsentRequest, _omni_identity_v1_UpdateConsentRequest__Output>
        UpdateConsentResponse: MessageTypeDefinition<_omni_identity_v1_UpdateConsentResponse, _omni_identity_v1_UpdateConsentResponse__Output>
        UpdateGlobalUnsubscribeRequest: MessageTypeDefinition<_omni_identity_v1_UpdateGlobalUnsubscribeRequest, _omni_identity_v1_UpdateGlobalUnsubscribeRequest__Output>
        UpdateGlobalUnsubscribeResponse: MessageTypeDefinition<_omni_identity_v1_UpdateGlobalUnsubscribeResponse, _omni_identity_v1_UpdateGlobalUnsubscribeResponse__Output>
        UpdateIdentityRulesRequest: MessageTypeDefinition<_omni_identity_v1_UpdateIdentityRulesRequest, _omni_identity_v1_UpdateIdentityRulesRequest__Output>
        UpdateIdentityRulesResponse: MessageTypeDefinition<_omni_identity_v1_UpdateIdentityRulesResponse, _omni_identity_v1_UpdateIdentityRulesResponse__Output>
        Weekday: EnumTypeDefinition
      }
    }
  }
}

