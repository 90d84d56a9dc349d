// Original file: omni/identity/v1/identity.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AcceptSuggestionRequest as _omni_identity_v1_AcceptSuggestionRequest, AcceptSuggestionRequest__Output as _omni_identity_v1_AcceptSuggestionRequest__Output } from '../../../omni/identity/v1/AcceptSuggestionRequest';
import type { AcceptSuggestionResponse as _omni_identity_v1_AcceptSuggestionResponse, AcceptSuggestionResponse__Output as _omni_identity_v1_AcceptSuggestionResponse__Output } from '../../../omni/identity/v1/AcceptSuggestionResponse';
import type { EraseCustomerRequest as _omni_identity_v1_EraseCustomerRequest, EraseCustomerRequest__Output as _omni_identity_v1_EraseCustomerRequest__Output } from '../../../omni/identity/v1/EraseCustomerRequest';
import type { EraseCustomerResponse as _omni_identity_v1_EraseCustomerResponse, EraseCustomerResponse__Output as _omni_identity_v1_EraseCustomerResponse__Output } from '../../../omni/identity/v1/EraseCustomerResponse';
import type { ExportCustomerRequest as _omni_identity_v1_ExportCustomerRequest, ExportCustomerRequest__Output as _omni_identity_v1_ExportCustomerRequest__Output } from '../../../omni/identity/v1/ExportCustomerRequest';
import type { ExportCustomerResponse as _omni_identity_v1_ExportCustomerResponse, ExportCustomerResponse__Output as _omni_identity_v1_ExportCustomerResponse__Output } from '../../../omni/identity/v1/ExportCustomerResponse';
import type { GetContactPreferencesRequest as _omni_identity_v1_GetContactPreferencesRequest, GetContactPreferencesRequest__Output as _omni_identity_v1_GetContactPreferencesRequest__Output } from '../../../omni/identity/v1/GetContactPreferencesRequest';
import type { GetContactPreferencesResponse as _omni_identity_v1_GetContactPreferencesResponse, GetContactPreferencesResponse__Output as _omni_identity_v1_GetContactPreferencesResponse__Output } from '../../../omni/identity/v1/GetContactPreferencesResponse';
import type { GetIdentityRulesRequest as _omni_identity_v1_GetIdentityRulesRequest, GetIdentityRulesRequest__Output as _omni_identity_v1_GetIdentityRulesRequest__Output } from '../../../omni/identity/v1/GetIdentityRulesRequest';
import type { GetIdentityRulesResponse as _omni_identity_v1_GetIdentityRulesResponse, GetIdentityRulesResponse__Output as _omni_identity_v1_GetIdentityRulesResponse__Output } from '../../../omni/identity/v1/GetIdentityRulesResponse';
import type { GetMergeHistoryRequest as _omni_identity_v1_GetMergeHistoryRequest, GetMergeHistoryRequest__Output as _omni_identity_v1_GetMergeHistoryRequest__Output } from '../../../omni/identity/v1/GetMergeHistoryRequest';
import type { GetMergeHistoryResponse as _omni_identity_v1_GetMergeHistoryResponse, GetMergeHistoryResponse__Output as _omni_identity_v1_GetMergeHistoryResponse__Output } from '../../../omni/identity/v1/GetMergeHistoryResponse';
import type { GetProfileRequest as _omni_identity_v1_GetProfileRequest, GetProfileRequest__Output as _omni_identity_v1_GetProfileRequest__Output } from '../../../omni/identity/v1/GetProfileRequest';
import type { GetProfileResponse as _omni_identity_v1_GetProfileResponse, GetProfileResponse__Output as _omni_identity_v1_GetProfileResponse__Output } from '../../../omni/identity/v1/GetProfileResponse';
import type { IdentifyRequest as _omni_identity_v1_IdentifyRequest, IdentifyRequest__Output as _omni_identity_v1_IdentifyRequest__Output } from '../../../omni/identity/v1/IdentifyRequest';
import type { IdentifyResponse as _omni_identity_v1_IdentifyResponse, IdentifyResponse__Output as _omni_identity_v1_IdentifyResponse__Output } from '../../../omni/identity/v1/IdentifyResponse';
import type { ListConflictsRequest as _omni_identity_v1_ListConflictsRequest, ListConflictsRequest__Output as _omni_identity_v1_ListConflictsRequest__Output } from '../../../omni/identity/v1/ListConflictsRequest';
import type { ListConflictsResponse as _omni_identity_v1_ListConflictsResponse, ListConflictsResponse__Output as _omni_identity_v1_ListConflictsResponse__Output } from '../../../omni/identity/v1/ListConflictsResponse';
import type { ListConsentHistoryRequest as _omni_identity_v1_ListConsentHistoryRequest, ListConsentHistoryRequest__Output as _omni_identity_v1_ListConsentHistoryRequest__Output } from '../../../omni/identity/v1/ListConsentHistoryRequest';
import type { ListConsentHistoryResponse as _omni_identity_v1_ListConsentHistoryResponse, ListConsentHistoryResponse__Output as _omni_identity_v1_ListConsentHistoryResponse__Output } from '../../../omni/identity/v1/ListConsentHistoryResponse';
import type { ListEventsRequest as _omni_identity_v1_ListEventsRequest, ListEventsRequest__Output as _omni_identity_v1_ListEventsRequest__Output } from '../../../omni/identity/v1/ListEventsRequest';
import type { ListEventsResponse as _omni_identity_v1_ListEventsResponse, ListEventsResponse__Output as _omni_identity_v1_ListEventsResponse__Output } from '../../../omni/identity/v1/ListEventsResponse';
import type { ListMatchSuggestionsRequest as _omni_identity_v1_ListMatchSuggestionsRequest, ListMatchSuggestionsRequest__Output as _omni_identity_v1_ListMatchSuggestionsRequest__Output } from '../../../omni/identity/v1/ListMatchSuggestionsRequest';
import type { ListMatchSuggestionsResponse as _omni_identity_v1_ListMatchSuggestionsResponse, ListMatchSuggestionsResponse__Output as _omni_identity_v1_ListMatchSuggestionsResponse__Output } from '../../../omni/identity/v1/ListMatchSuggestionsResponse';
import type { MergeCustomersRequest as _omni_identity_v1_MergeCustomersRequest, MergeCustomersRequest__Output as _omni_identity_v1_MergeCustomersRequest__Output } from '../../../omni/identity/v1/MergeCustomersRequest';
import type { MergeCustomersResponse as _omni_identity_v1_MergeCustomersResponse, MergeCustomersResponse__Output as _omni_identity_v1_MergeCustomersResponse__Output } from '../../../omni/identity/v1/MergeCustomersResponse';
import type { RejectSuggestionRequest as _omni_identity_v1_RejectSuggestionRequest, RejectSuggestionRequest__Output as _omni_identity_v1_RejectSuggestionRequest__Output } from '../../../omni/identity/v1/RejectSuggestionRequest';
import type { RejectSuggestionResponse as _omni_identity_v1_RejectSuggestionResponse, RejectSuggestionResponse__Output as _omni_identity_v1_RejectSuggestionResponse__Output } from '../../../omni/identity/v1/RejectSuggestionResponse';
import type { SetContactPreferencesRequest as _omni_identity_v1_SetContactPreferencesRequest, SetContactPreferencesRequest__Output as _omni_identity_v1_SetContactPreferencesRequest__Output } from '../../../omni/identity/v1/SetContactPreferencesRequest';
import type { SetContactPreferencesResponse as _omni_identity_v1_SetContactPreferencesResponse, SetContactPreferencesResponse__Output as _omni_identity_v1_SetContactPreferencesResponse__Output } from '../../../omni/identity/v1/SetContactPreferencesResponse';
import type { SnoozeContactRequest as _omni_identity_v1_SnoozeContactRequest, SnoozeContactRequest__Output as _omni_identity_v1_SnoozeContactRequest__Output } from '../../../omni/identity/v1/SnoozeContactRequest';
import type { SnoozeContactResponse as _omni_identity_v1_SnoozeContactResponse, SnoozeContactResponse__Output as _omni_identity_v1_SnoozeContactResponse__Output } from '../../../omni/identity/v1/SnoozeContactResponse';
import type { TrackBatchRequest as _omni_identity_v1_TrackBatchRequest, TrackBatchRequest__Output as _omni_identity_v1_TrackBatchRequest__Output } from '../../../omni/identity/v1/TrackBatchRequest';
import type { TrackBatchResponse as _omni_identity_v1_TrackBatchResponse, TrackBatchResponse__Output as _omni_identity_v1_TrackBatchResponse__Output } from '../../../omni/identity/v1/TrackBatchResponse';
import type { TrackRequest as _omni_identity_v1_TrackRequest, TrackRequest__Output as _omni_identity_v1_TrackRequest__Output } from '../../../omni/identity/v1/TrackRequest';
import type { TrackResponse as _omni_identity_v1_TrackResponse, TrackResponse__Output as _omni_identity_v1_TrackResponse__Output } from '../../../omni/identity/v1/TrackResponse';
import type { UnmergeRequest as _omni_identity_v1_UnmergeRequest, UnmergeRequest__Output as _omni_identity_v1_UnmergeRequest__Output } from '../../../omni/identity/v1/UnmergeRequest';
import type { UnmergeResponse as _omni_identity_v1_UnmergeResponse, UnmergeResponse__Output as _omni_identity_v1_UnmergeResponse__Output } from '../../../omni/identity/v1/UnmergeResponse';
import type { UpdateConsentRequest as _omni_identity_v1_UpdateConsentRequest, UpdateConsentRequest__Output as _omni_identity_v1_UpdateConsentRequest__Output } from '../../../omni/identity/v1/UpdateConsentRequest';
import type { UpdateConsentResponse as _omni_identity_v1_UpdateConsentResponse, UpdateConsentResponse__Output as _omni_identity_v1_UpdateConsentResponse__Output } from '../../../omni/identity/v1/UpdateConsentResponse';
import type { UpdateGlobalUnsubscribeRequest as _omni_identity_v1_UpdateGlobalUnsubscribeRequest, UpdateGlobalUnsubscribeRequest__Output as _omni_identity_v1_UpdateGlobalUnsubscribeRequest__Output } from '../../../omni/identity/v1/UpdateGlobalUnsubscribeRequest';
import type { UpdateGlobalUnsubscribeResponse as _omni_identity_v1_UpdateGlobalUnsubscribeResponse, UpdateGlobalUnsubscribeResponse__Output as _omni_identity_v1_UpdateGlobalUnsubscribeResponse__Output } from '../../../omni/identity/v1/UpdateGlobalUnsubscribeResponse';
import type { UpdateIdentityRulesRequest as _omni_identity_v1_UpdateIdentityRulesRequest, UpdateIdentityRulesRequest__Output as _omni_identity_v1_UpdateIdentityRulesRequest__Output } from '../../../omni/identity/v1/UpdateIdentityRulesRequest';
import type { UpdateIdentityRulesResponse as _omni_identity_v1_UpdateIdentityRulesResponse, UpdateIdentityRulesResponse__Output as _omni_identity_v1_UpdateIdentityRulesResponse__Output } from '../../../omni/identity/v1/UpdateIdentityRulesResponse';

export interface IdentityServiceClient extends grpc.Client {
  AcceptSuggestion(argument: _omni_identity_v1_AcceptSuggestionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_AcceptSuggestionResponse__Output>): grpc.ClientUnaryCall;
  AcceptSuggestion(argument: _omni_identity_v1_AcceptSuggestionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_AcceptSuggestionResponse__Output>): grpc.ClientUnaryCall;
  AcceptSuggestion(argument: _omni_identity_v1_AcceptSuggestionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_AcceptSuggestionResponse__Output>): grpc.ClientUnaryCall;
  AcceptSuggestion(argument: _omni_identity_v1_AcceptSuggestionRequest, callback: grpc.requestCallback<_omni_identity_v1_AcceptSuggestionResponse__Output>): grpc.ClientUnaryCall;
  acceptSuggestion(argument: _omni_identity_v1_AcceptSuggestionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_AcceptSuggestionResponse__Output>): grpc.ClientUnaryCall;
  acceptSuggestion(argument: _omni_identity_v1_AcceptSuggestionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_AcceptSuggestionResponse__Output>): grpc.ClientUnaryCall;
  acceptSuggestion(argument: _omni_identity_v1_AcceptSuggestionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_AcceptSuggestionResponse__Output>): grpc.ClientUnaryCall;
  acceptSuggestion(argument: _omni_identity_v1_AcceptSuggestionRequest, callback: grpc.requestCallback<_omni_identity_v1_AcceptSuggestionResponse__Output>): grpc.ClientUnaryCall;
  
  EraseCustomer(argument: _omni_identity_v1_EraseCustomerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_EraseCustomerResponse__Output>): grpc.ClientUnaryCall;
  EraseCustomer(argument: _omni_identity_v1_EraseCustomerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_EraseCustomerResponse__Output>): grpc.ClientUnaryCall;
  EraseCustomer(argument: _omni_identity_v1_EraseCustomerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_EraseCustomerResponse__Output>): grpc.ClientUnaryCall;
  EraseCustomer(argument: _omni_identity_v1_EraseCustomerRequest, callback: grpc.requestCallback<_omni_identity_v1_EraseCustomerResponse__Output>): grpc.ClientUnaryCall;
  eraseCustomer(argument: _omni_identity_v1_EraseCustomerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_EraseCustomerResponse__Output>): grpc.ClientUnaryCall;
  eraseCustomer(argument: _omni_identity_v1_EraseCustomerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_EraseCustomerResponse__Output>): grpc.ClientUnaryCall;
  eraseCustomer(argument: _omni_identity_v1_EraseCustomerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_EraseCustomerResponse__Output>): grpc.ClientUnaryCall;
  eraseCustomer(argument: _omni_identity_v1_EraseCustomerRequest, callback: grpc.requestCallback<_omni_identity_v1_EraseCustomerResponse__Output>): grpc.ClientUnaryCall;
  
  ExportCustomer(argument: _omni_identity_v1_ExportCustomerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ExportCustomerResponse__Output>): grpc.ClientUnaryCall;
  ExportCustomer(argument: _omni_identity_v1_ExportCustomerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ExportCustomerResponse__Output>): grpc.ClientUnaryCall;
  ExportCustomer(argument: _omni_identity_v1_ExportCustomerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ExportCustomerResponse__Output>): grpc.ClientUnaryCall;
  ExportCustomer(argument: _omni_identity_v1_ExportCustomerRequest, callback: grpc.requestCallback<_omni_identity_v1_ExportCustomerResponse__Output>): grpc.ClientUnaryCall;
  exportCustomer(argument: _omni_identity_v1_ExportCustomerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ExportCustomerResponse__Output>): grpc.ClientUnaryCall;
  exportCustomer(argument: _omni_identity_v1_ExportCustomerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ExportCustomerResponse__Output>): grpc.ClientUnaryCall;
  exportCustomer(argument: _omni_identity_v1_ExportCustomerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ExportCustomerResponse__Output>): grpc.ClientUnaryCall;
  exportCustomer(argument: _omni_identity_v1_ExportCustomerRequest, callback: grpc.requestCallback<_omni_identity_v1_ExportCustomerResponse__Output>): grpc.ClientUnaryCall;
  
  GetContactPreferences(argument: _omni_identity_v1_GetContactPreferencesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  GetContactPreferences(argument: _omni_identity_v1_GetContactPreferencesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_GetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  GetContactPreferences(argument: _omni_identity_v1_GetContactPreferencesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  GetContactPreferences(argument: _omni_identity_v1_GetContactPreferencesRequest, callback: grpc.requestCallback<_omni_identity_v1_GetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  getContactPreferences(argument: _omni_identity_v1_GetContactPreferencesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  getContactPreferences(argument: _omni_identity_v1_GetContactPreferencesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_GetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  getContactPreferences(argument: _omni_identity_v1_GetContactPreferencesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  getContactPreferences(argument: _omni_identity_v1_GetContactPreferencesRequest, callback: grpc.requestCallback<_omni_identity_v1_GetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  
  GetIdentityRules(argument: _omni_identity_v1_GetIdentityRulesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  GetIdentityRules(argument: _omni_identity_v1_GetIdentityRulesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_GetIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  GetIdentityRules(argument: _omni_identity_v1_GetIdentityRulesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  GetIdentityRules(argument: _omni_identity_v1_GetIdentityRulesRequest, callback: grpc.requestCallback<_omni_identity_v1_GetIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  getIdentityRules(argument: _omni_identity_v1_GetIdentityRulesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  getIdentityRules(argument: _omni_identity_v1_GetIdentityRulesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_GetIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  getIdentityRules(argument: _omni_identity_v1_GetIdentityRulesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  getIdentityRules(argument: _omni_identity_v1_GetIdentityRulesRequest, callback: grpc.requestCallback<_omni_identity_v1_GetIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  
  GetMergeHistory(argument: _omni_identity_v1_GetMergeHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetMergeHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetMergeHistory(argument: _omni_identity_v1_GetMergeHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_GetMergeHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetMergeHistory(argument: _omni_identity_v1_GetMergeHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetMergeHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetMergeHistory(argument: _omni_identity_v1_GetMergeHistoryRequest, callback: grpc.requestCallback<_omni_identity_v1_GetMergeHistoryResponse__Output>): grpc.ClientUnaryCall;
  getMergeHistory(argument: _omni_identity_v1_GetMergeHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetMergeHistoryResponse__Output>): grpc.ClientUnaryCall;
  getMergeHistory(argument: _omni_identity_v1_GetMergeHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_GetMergeHistoryResponse__Output>): grpc.ClientUnaryCall;
  getMergeHistory(argument: _omni_identity_v1_GetMergeHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetMergeHistoryResponse__Output>): grpc.ClientUnaryCall;
  getMergeHistory(argument: _omni_identity_v1_GetMergeHistoryRequest, callback: grpc.requestCallback<_omni_identity_v1_GetMergeHistoryResponse__Output>): grpc.ClientUnaryCall;
  
  GetProfile(argument: _omni_identity_v1_GetProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetProfileResponse__Output>): grpc.ClientUnaryCall;
  GetProfile(argument: _omni_identity_v1_GetProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_GetProfileResponse__Output>): grpc.ClientUnaryCall;
  GetProfile(argument: _omni_identity_v1_GetProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetProfileResponse__Output>): grpc.ClientUnaryCall;
  GetProfile(argument: _omni_identity_v1_GetProfileRequest, callback: grpc.requestCallback<_omni_identity_v1_GetProfileResponse__Output>): grpc.ClientUnaryCall;
  getProfile(argument: _omni_identity_v1_GetProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetProfileResponse__Output>): grpc.ClientUnaryCall;
  getProfile(argument: _omni_identity_v1_GetProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_GetProfileResponse__Output>): grpc.ClientUnaryCall;
  getProfile(argument: _omni_identity_v1_GetProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_GetProfileResponse__Output>): grpc.ClientUnaryCall;
  getProfile(argument: _omni_identity_v1_GetProfileRequest, callback: grpc.requestCallback<_omni_identity_v1_GetProfileResponse__Output>): grpc.ClientUnaryCall;
  
  Identify(argument: _omni_identity_v1_IdentifyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_IdentifyResponse__Output>): grpc.ClientUnaryCall;
  Identify(argument: _omni_identity_v1_IdentifyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_IdentifyResponse__Output>): grpc.ClientUnaryCall;
  Identify(argument: _omni_identity_v1_IdentifyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_IdentifyResponse__Output>): grpc.ClientUnaryCall;
  Identify(argument: _omni_identity_v1_IdentifyRequest, callback: grpc.requestCallback<_omni_identity_v1_IdentifyResponse__Output>): grpc.ClientUnaryCall;
  identify(argument: _omni_identity_v1_IdentifyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_IdentifyResponse__Output>): grpc.ClientUnaryCall;
  identify(argument: _omni_identity_v1_IdentifyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_IdentifyResponse__Output>): grpc.ClientUnaryCall;
  identify(argument: _omni_identity_v1_IdentifyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_IdentifyResponse__Output>): grpc.ClientUnaryCall;
  identify(argument: _omni_identity_v1_IdentifyRequest, callback: grpc.requestCallback<_omni_identity_v1_IdentifyResponse__Output>): grpc.ClientUnaryCall;
  
  ListConflicts(argument: _omni_identity_v1_ListConflictsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListConflictsResponse__Output>): grpc.ClientUnaryCall;
  ListConflicts(argument: _omni_identity_v1_ListConflictsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ListConflictsResponse__Output>): grpc.ClientUnaryCall;
  ListConflicts(argument: _omni_identity_v1_ListConflictsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListConflictsResponse__Output>): grpc.ClientUnaryCall;
  ListConflicts(argument: _omni_identity_v1_ListConflictsRequest, callback: grpc.requestCallback<_omni_identity_v1_ListConflictsResponse__Output>): grpc.ClientUnaryCall;
  listConflicts(argument: _omni_identity_v1_ListConflictsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListConflictsResponse__Output>): grpc.ClientUnaryCall;
  listConflicts(argument: _omni_identity_v1_ListConflictsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ListConflictsResponse__Output>): grpc.ClientUnaryCall;
  listConflicts(argument: _omni_identity_v1_ListConflictsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListConflictsResponse__Output>): grpc.ClientUnaryCall;
  listConflicts(argument: _omni_identity_v1_ListConflictsRequest, callback: grpc.requestCallback<_omni_identity_v1_ListConflictsResponse__Output>): grpc.ClientUnaryCall;
  
  ListConsentHistory(argument: _omni_identity_v1_ListConsentHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListConsentHistoryResponse__Output>): grpc.ClientUnaryCall;
  ListConsentHistory(argument: _omni_identity_v1_ListConsentHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ListConsentHistoryResponse__Output>): grpc.ClientUnaryCall;
  ListConsentHistory(argument: _omni_identity_v1_ListConsentHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListConsentHistoryResponse__Output>): grpc.ClientUnaryCall;
  ListConsentHistory(argument: _omni_identity_v1_ListConsentHistoryRequest, callback: grpc.requestCallback<_omni_identity_v1_ListConsentHistoryResponse__Output>): grpc.ClientUnaryCall;
  listConsentHistory(argument: _omni_identity_v1_ListConsentHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListConsentHistoryResponse__Output>): grpc.ClientUnaryCall;
  listConsentHistory(argument: _omni_identity_v1_ListConsentHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ListConsentHistoryResponse__Output>): grpc.ClientUnaryCall;
  listConsentHistory(argument: _omni_identity_v1_ListConsentHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListConsentHistoryResponse__Output>): grpc.ClientUnaryCall;
  listConsentHistory(argument: _omni_identity_v1_ListConsentHistoryRequest, callback: grpc.requestCallback<_omni_identity_v1_ListConsentHistoryResponse__Output>): grpc.ClientUnaryCall;
  
  ListEvents(argument: _omni_identity_v1_ListEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  ListEvents(argument: _omni_identity_v1_ListEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  ListEvents(argument: _omni_identity_v1_ListEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  ListEvents(argument: _omni_identity_v1_ListEventsRequest, callback: grpc.requestCallback<_omni_identity_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _omni_identity_v1_ListEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _omni_identity_v1_ListEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _omni_identity_v1_ListEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  listEvents(argument: _omni_identity_v1_ListEventsRequest, callback: grpc.requestCallback<_omni_identity_v1_ListEventsResponse__Output>): grpc.ClientUnaryCall;
  
  ListMatchSuggestions(argument: _omni_identity_v1_ListMatchSuggestionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListMatchSuggestionsResponse__Output>): grpc.ClientUnaryCall;
  ListMatchSuggestions(argument: _omni_identity_v1_ListMatchSuggestionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ListMatchSuggestionsResponse__Output>): grpc.ClientUnaryCall;
  ListMatchSuggestions(argument: _omni_identity_v1_ListMatchSuggestionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListMatchSuggestionsResponse__Output>): grpc.ClientUnaryCall;
  ListMatchSuggestions(argument: _omni_identity_v1_ListMatchSuggestionsRequest, callback: grpc.requestCallback<_omni_identity_v1_ListMatchSuggestionsResponse__Output>): grpc.ClientUnaryCall;
  listMatchSuggestions(argument: _omni_identity_v1_ListMatchSuggestionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListMatchSuggestionsResponse__Output>): grpc.ClientUnaryCall;
  listMatchSuggestions(argument: _omni_identity_v1_ListMatchSuggestionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_ListMatchSuggestionsResponse__Output>): grpc.ClientUnaryCall;
  listMatchSuggestions(argument: _omni_identity_v1_ListMatchSuggestionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_ListMatchSuggestionsResponse__Output>): grpc.ClientUnaryCall;
  listMatchSuggestions(argument: _omni_identity_v1_ListMatchSuggestionsRequest, callback: grpc.requestCallback<_omni_identity_v1_ListMatchSuggestionsResponse__Output>): grpc.ClientUnaryCall;
  
  MergeCustomers(argument: _omni_identity_v1_MergeCustomersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_MergeCustomersResponse__Output>): grpc.ClientUnaryCall;
  MergeCustomers(argument: _omni_identity_v1_MergeCustomersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_MergeCustomersResponse__Output>): grpc.ClientUnaryCall;
  MergeCustomers(argument: _omni_identity_v1_MergeCustomersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_MergeCustomersResponse__Output>): grpc.ClientUnaryCall;
  MergeCustomers(argument: _omni_identity_v1_MergeCustomersRequest, callback: grpc.requestCallback<_omni_identity_v1_MergeCustomersResponse__Output>): grpc.ClientUnaryCall;
  mergeCustomers(argument: _omni_identity_v1_MergeCustomersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_MergeCustomersResponse__Output>): grpc.ClientUnaryCall;
  mergeCustomers(argument: _omni_identity_v1_MergeCustomersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_MergeCustomersResponse__Output>): grpc.ClientUnaryCall;
  mergeCustomers(argument: _omni_identity_v1_MergeCustomersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_MergeCustomersResponse__Output>): grpc.ClientUnaryCall;
  mergeCustomers(argument: _omni_identity_v1_MergeCustomersRequest, callback: grpc.requestCallback<_omni_identity_v1_MergeCustomersResponse__Output>): grpc.ClientUnaryCall;
  
  RejectSuggestion(argument: _omni_identity_v1_RejectSuggestionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_RejectSuggestionResponse__Output>): grpc.ClientUnaryCall;
  RejectSuggestion(argument: _omni_identity_v1_RejectSuggestionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_RejectSuggestionResponse__Output>): grpc.ClientUnaryCall;
  RejectSuggestion(argument: _omni_identity_v1_RejectSuggestionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_RejectSuggestionResponse__Output>): grpc.ClientUnaryCall;
  RejectSuggestion(argument: _omni_identity_v1_RejectSuggestionRequest, callback: grpc.requestCallback<_omni_identity_v1_RejectSuggestionResponse__Output>): grpc.ClientUnaryCall;
  rejectSuggestion(argument: _omni_identity_v1_RejectSuggestionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_RejectSuggestionResponse__Output>): grpc.ClientUnaryCall;
  rejectSuggestion(argument: _omni_identity_v1_RejectSuggestionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_RejectSuggestionResponse__Output>): grpc.ClientUnaryCall;
  rejectSuggestion(argument: _omni_identity_v1_RejectSuggestionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_RejectSuggestionResponse__Output>): grpc.ClientUnaryCall;
  rejectSuggestion(argument: _omni_identity_v1_RejectSuggestionRequest, callback: grpc.requestCallback<_omni_identity_v1_RejectSuggestionResponse__Output>): grpc.ClientUnaryCall;
  
  SetContactPreferences(argument: _omni_identity_v1_SetContactPreferencesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_SetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  SetContactPreferences(argument: _omni_identity_v1_SetContactPreferencesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_SetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  SetContactPreferences(argument: _omni_identity_v1_SetContactPreferencesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_SetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  SetContactPreferences(argument: _omni_identity_v1_SetContactPreferencesRequest, callback: grpc.requestCallback<_omni_identity_v1_SetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  setContactPreferences(argument: _omni_identity_v1_SetContactPreferencesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_SetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  setContactPreferences(argument: _omni_identity_v1_SetContactPreferencesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_SetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  setContactPreferences(argument: _omni_identity_v1_SetContactPreferencesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_SetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  setContactPreferences(argument: _omni_identity_v1_SetContactPreferencesRequest, callback: grpc.requestCallback<_omni_identity_v1_SetContactPreferencesResponse__Output>): grpc.ClientUnaryCall;
  
  SnoozeContact(argument: _omni_identity_v1_SnoozeContactRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_SnoozeContactResponse__Output>): grpc.ClientUnaryCall;
  SnoozeContact(argument: _omni_identity_v1_SnoozeContactRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_SnoozeContactResponse__Output>): grpc.ClientUnaryCall;
  SnoozeContact(argument: _omni_identity_v1_SnoozeContactRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_SnoozeContactResponse__Output>): grpc.ClientUnaryCall;
  SnoozeContact(argument: _omni_identity_v1_SnoozeContactRequest, callback: grpc.requestCallback<_omni_identity_v1_SnoozeContactResponse__Output>): grpc.ClientUnaryCall;
  snoozeContact(argument: _omni_identity_v1_SnoozeContactRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_SnoozeContactResponse__Output>): grpc.ClientUnaryCall;
  snoozeContact(argument: _omni_identity_v1_SnoozeContactRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_SnoozeContactResponse__Output>): grpc.ClientUnaryCall;
  snoozeContact(argument: _omni_identity_v1_SnoozeContactRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_SnoozeContactResponse__Output>): grpc.ClientUnaryCall;
  snoozeContact(argument: _omni_identity_v1_SnoozeContactRequest, callback: grpc.requestCallback<_omni_identity_v1_SnoozeContactResponse__Output>): grpc.ClientUnaryCall;
  
  Track(argument: _omni_identity_v1_TrackRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_TrackResponse__Output>): grpc.ClientUnaryCall;
  Track(argument: _omni_identity_v1_TrackRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_TrackResponse__Output>): grpc.ClientUnaryCall;
  Track(argument: _omni_identity_v1_TrackRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_TrackResponse__Output>): grpc.ClientUnaryCall;
  Track(argument: _omni_identity_v1_TrackRequest, callback: grpc.requestCallback<_omni_identity_v1_TrackResponse__Output>): grpc.ClientUnaryCall;
  track(argument: _omni_identity_v1_TrackRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_TrackResponse__Output>): grpc.ClientUnaryCall;
  track(argument: _omni_identity_v1_TrackRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_TrackResponse__Output>): grpc.ClientUnaryCall;
  track(argument: _omni_identity_v1_TrackRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_TrackResponse__Output>): grpc.ClientUnaryCall;
  track(argument: _omni_identity_v1_TrackRequest, callback: grpc.requestCallback<_omni_identity_v1_TrackResponse__Output>): grpc.ClientUnaryCall;
  
  TrackBatch(argument: _omni_identity_v1_TrackBatchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_TrackBatchResponse__Output>): grpc.ClientUnaryCall;
  TrackBatch(argument: _omni_identity_v1_TrackBatchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_TrackBatchResponse__Output>): grpc.ClientUnaryCall;
  TrackBatch(argument: _omni_identity_v1_TrackBatchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_TrackBatchResponse__Output>): grpc.ClientUnaryCall;
  TrackBatch(argument: _omni_identity_v1_TrackBatchRequest, callback: grpc.requestCallback<_omni_identity_v1_TrackBatchResponse__Output>): grpc.ClientUnaryCall;
  trackBatch(argument: _omni_identity_v1_TrackBatchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_TrackBatchResponse__Output>): grpc.ClientUnaryCall;
  trackBatch(argument: _omni_identity_v1_TrackBatchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_TrackBatchResponse__Output>): grpc.ClientUnaryCall;
  trackBatch(argument: _omni_identity_v1_TrackBatchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_TrackBatchResponse__Output>): grpc.ClientUnaryCall;
  trackBatch(argument: _omni_identity_v1_TrackBatchRequest, callback: grpc.requestCallback<_omni_identity_v1_TrackBatchResponse__Output>): grpc.ClientUnaryCall;
  
  Unmerge(argument: _omni_identity_v1_UnmergeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UnmergeResponse__Output>): grpc.ClientUnaryCall;
  Unmerge(argument: _omni_identity_v1_UnmergeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_UnmergeResponse__Output>): grpc.ClientUnaryCall;
  Unmerge(argument: _omni_identity_v1_UnmergeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UnmergeResponse__Output>): grpc.ClientUnaryCall;
  Unmerge(argument: _omni_identity_v1_UnmergeRequest, callback: grpc.requestCallback<_omni_identity_v1_UnmergeResponse__Output>): grpc.ClientUnaryCall;
  unmerge(argument: _omni_identity_v1_UnmergeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UnmergeResponse__Output>): grpc.ClientUnaryCall;
  unmerge(argument: _omni_identity_v1_UnmergeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_UnmergeResponse__Output>): grpc.ClientUnaryCall;
  unmerge(argument: _omni_identity_v1_UnmergeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UnmergeResponse__Output>): grpc.ClientUnaryCall;
  unmerge(argument: _omni_identity_v1_UnmergeRequest, callback: grpc.requestCallback<_omni_identity_v1_UnmergeResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateConsent(argument: _omni_identity_v1_UpdateConsentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UpdateConsentResponse__Output>): grpc.ClientUnaryCall;
  UpdateConsent(argument: _omni_identity_v1_UpdateConsentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_UpdateConsentResponse__Output>): grpc.ClientUnaryCall;
  UpdateConsent(argument: _omni_identity_v1_UpdateConsentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UpdateConsentResponse__Output>): grpc.ClientUnaryCall;
  UpdateConsent(argument: _omni_identity_v1_UpdateConsentRequest, callback: grpc.requestCallback<_omni_identity_v1_UpdateConsentResponse__Output>): grpc.ClientUnaryCall;
  updateConsent(argument: _omni_identity_v1_UpdateConsentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UpdateConsentResponse__Output>): grpc.ClientUnaryCall;
  updateConsent(argument: _omni_identity_v1_UpdateConsentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_UpdateConsentResponse__Output>): grpc.ClientUnaryCall;
  updateConsent(argument: _omni_identity_v1_UpdateConsentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UpdateConsentResponse__Output>): grpc.ClientUnaryCall;
  updateConsent(argument: _omni_identity_v1_UpdateConsentRequest, callback: grpc.requestCallback<_omni_identity_v1_UpdateConsentResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateGlobalUnsubscribe(argument: _omni_identity_v1_UpdateGlobalUnsubscribeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UpdateGlobalUnsubscribeResponse__Output>): grpc.ClientUnaryCall;
  UpdateGlobalUnsubscribe(argument: _omni_identity_v1_UpdateGlobalUnsubscribeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_UpdateGlobalUnsubscribeResponse__Output>): grpc.ClientUnaryCall;
  UpdateGlobalUnsubscribe(argument: _omni_identity_v1_UpdateGlobalUnsubscribeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UpdateGlobalUnsubscribeResponse__Output>): grpc.ClientUnaryCall;
  UpdateGlobalUnsubscribe(argument: _omni_identity_v1_UpdateGlobalUnsubscribeRequest, callback: grpc.requestCallback<_omni_identity_v1_UpdateGlobalUnsubscribeResponse__Output>): grpc.ClientUnaryCall;
  updateGlobalUnsubscribe(argument: _omni_identity_v1_UpdateGlobalUnsubscribeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UpdateGlobalUnsubscribeResponse__Output>): grpc.ClientUnaryCall;
  updateGlobalUnsubscribe(argument: _omni_identity_v1_UpdateGlobalUnsubscribeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_UpdateGlobalUnsubscribeResponse__Output>): grpc.ClientUnaryCall;
  updateGlobalUnsubscribe(argument: _omni_identity_v1_UpdateGlobalUnsubscribeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UpdateGlobalUnsubscribeResponse__Output>): grpc.ClientUnaryCall;
  updateGlobalUnsubscribe(argument: _omni_identity_v1_UpdateGlobalUnsubscribeRequest, callback: grpc.requestCallback<_omni_identity_v1_UpdateGlobalUnsubscribeResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateIdentityRules(argument: _omni_identity_v1_UpdateIdentityRulesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UpdateIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  UpdateIdentityRules(argument: _omni_identity_v1_UpdateIdentityRulesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_UpdateIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  UpdateIdentityRules(argument: _omni_identity_v1_UpdateIdentityRulesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UpdateIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  UpdateIdentityRules(argument: _omni_identity_v1_UpdateIdentityRulesRequest, callback: grpc.requestCallback<_omni_identity_v1_UpdateIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  updateIdentityRules(argument: _omni_identity_v1_UpdateIdentityRulesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UpdateIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  updateIdentityRules(argument: _omni_identity_v1_UpdateIdentityRulesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_identity_v1_UpdateIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  updateIdentityRules(argument: _omni_identity_v1_UpdateIdentityRulesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_identity_v1_UpdateIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  updateIdentityRules(argument: _omni_identity_v1_UpdateIdentityRulesRequest, callback: grpc.requestCallback<_omni_identity_v1_UpdateIdentityRulesResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface IdentityServiceHandlers extends grpc.UntypedServiceImplementation {
  AcceptSuggestion: grpc.handleUnaryCall<_omni_identity_v1_AcceptSuggestionRequest__Output, _omni_identity_v1_AcceptSuggestionResponse>;
  
  EraseCustomer: grpc.handleUnaryCall<_omni_identity_v1_EraseCustomerRequest__Output, _omni_identity_v1_EraseCustomerResponse>;
  
  ExportCustomer: grpc.handleUnaryCall<_omni_identity_v1_ExportCustomerRequest__Output, _omni_identity_v1_ExportCustomerResponse>;
  
  GetContactPreferences: grpc.handleUnaryCall<_omni_identity_v1_GetContactPreferencesRequest__Output, _omni_identity_v1_GetContactPreferencesResponse>;
  
  GetIdentityRules: grpc.handleUnaryCall<_omni_identity_v1_GetIdentityRulesRequest__Output, _omni_identity_v1_GetIdentityRulesResponse>;
  
  GetMergeHistory: grpc.handleUnaryCall<_omni_identity_v1_GetMergeHistoryRequest__Output, _omni_identity_v1_GetMergeHistoryResponse>;
  
  GetProfile: grpc.handleUnaryCall<_omni_identity_v1_GetProfileRequest__Output, _omni_identity_v1_GetProfileResponse>;
  
  Identify: grpc.handleUnaryCall<_omni_identity_v1_IdentifyRequest__Output, _omni_identity_v1_IdentifyResponse>;
  
  ListConflicts: grpc.handleUnaryCall<_omni_identity_v1_ListConflictsRequest__Output, _omni_identity_v1_ListConflictsResponse>;
  
  ListConsentHistory: grpc.handleUnaryCall<_omni_identity_v1_ListConsentHistoryRequest__Output, _omni_identity_v1_ListConsentHistoryResponse>;
  
  ListEvents: grpc.handleUnaryCall<_omni_identity_v1_ListEventsRequest__Output, _omni_identity_v1_ListEventsResponse>;
  
  ListMatchSuggestions: grpc.handleUnaryCall<_omni_identity_v1_ListMatchSuggestionsRequest__Output, _omni_identity_v1_ListMatchSuggestionsResponse>;
  
  MergeCustomers: grpc.handleUnaryCall<_omni_identity_v1_MergeCustomersRequest__Output, _omni_identity_v1_MergeCustomersResponse>;
  
  RejectSuggestion: grpc.handleUnaryCall<_omni_identity_v1_RejectSuggestionRequest__Output, _omni_identity_v1_RejectSuggestionResponse>;
  
  SetContactPreferences: grpc.handleUnaryCall<_omni_identity_v1_SetContactPreferencesRequest__Output, _omni_identity_v1_SetContactPreferencesResponse>;
  
  SnoozeContact: grpc.handleUnaryCall<_omni_identity_v1_SnoozeContactRequest__Output, _omni_identity_v1_SnoozeContactResponse>;
  
  Track: grpc.handleUnaryCall<_omni_identity_v1_TrackRequest__Output, _omni_identity_v1_TrackResponse>;
  
  TrackBatch: grpc.handleUnaryCall<_omni_identity_v1_TrackBatchRequest__Output, _omni_identity_v1_TrackBatchResponse>;
  
  Unmerge: grpc.handleUnaryCall<_omni_identity_v1_UnmergeRequest__Output, _omni_identity_v1_UnmergeResponse>;
  
  UpdateConsent: grpc.handleUnaryCall<_omni_identity_v1_UpdateConsentRequest__Output, _omni_identity_v1_UpdateConsentResponse>;
  
  UpdateGlobalUnsubscribe: grpc.handleUnaryCall<_omni_identity_v1_UpdateGlobalUnsubscribeRequest__Output, _omni_identity_v1_UpdateGlobalUnsubscribeResponse>;
  
  UpdateIdentityRules: grpc.handleUnaryCall<_omni_identity_v1_UpdateIdentityRulesRequest__Output, _omni_identity_v1_UpdateIdentityRulesResponse>;
  
}

export interface IdentityServiceDefinition extends grpc.ServiceDefinition {
  AcceptSuggestion: MethodDefinition<_omni_identity_v1_AcceptSuggestionRequest, _omni_identity_v1_AcceptSuggestionResponse, _omni_identity_v1_AcceptSuggestionRequest__Output, _omni_identity_v1_AcceptSuggestionResponse__Output>
  EraseCustomer: MethodDefinition<_omni_identity_v1_EraseCustomerRequest, _omni_identity_v1_EraseCustomerResponse, _omni_identity_v1_EraseCustomerRequest__Output, _omni_identity_v1_EraseCustomerResponse__Output>
  ExportCustomer: MethodDefinition<_omni_identity_v1_ExportCustomerRequest, _omni_identity_v1_ExportCustomerResponse, _omni_identity_v1_ExportCustomerRequest__Output, _omni_identity_v1_ExportCustomerResponse__Output>
  GetContactPreferences: MethodDefinition<_omni_identity_v1_GetContactPreferencesRequest, _omni_identity_v1_GetContactPreferencesResponse, _omni_identity_v1_GetContactPreferencesRequest__Output, _omni_identity_v1_GetContactPreferencesResponse__Output>
  GetIdentityRules: MethodDefinition<_omni_identity_v1_GetIdentityRulesRequest, _omni_identity_v1_GetIdentityRulesResponse, _omni_identity_v1_GetIdentityRulesRequest__Output, _omni_identity_v1_GetIdentityRulesResponse__Output>
  GetMergeHistory: MethodDefinition<_omni_identity_v1_GetMergeHistoryRequest, _omni_identity_v1_GetMergeHistoryResponse, _omni_identity_v1_GetMergeHistoryRequest__Output, _omni_identity_v1_GetMergeHistoryResponse__Output>
  GetProfile: MethodDefinition<_omni_identity_v1_GetProfileRequest, _omni_identity_v1_GetProfileResponse, _omni_identity_v1_GetProfileRequest__Output, _omni_identity_v1_GetProfileResponse__Output>
  Identify: MethodDefinition<_omni_identity_v1_IdentifyRequest, _omni_identity_v1_IdentifyResponse, _omni_identity_v1_IdentifyRequest__Output, _omni_identity_v1_IdentifyResponse__Output>
  ListConflicts: MethodDefinition<_omni_identity_v1_ListConflictsRequest, _omni_identity_v1_ListConflictsResponse, _omni_identity_v1_ListConflictsRequest__Output, _omni_identity_v1_ListConflictsResponse__Output>
  ListConsentHistory: MethodDefinition<_omni_identity_v1_ListConsentHistoryRequest, _omni_identity_v1_ListConsentHistoryResponse, _omni_identity_v1_ListConsentHistoryRequest__Output, _omni_identity_v1_ListConsentHistoryResponse__Output>
  ListEvents: MethodDefinition<_omni_identity_v1_ListEventsRequest, _omni_identity_v1_ListEventsResponse, _omni_identity_v1_ListEventsRequest__Output, _omni_identity_v1_ListEventsResponse__Output>
  ListMatchSuggestions: MethodDefinition<_omni_identity_v1_ListMatchSuggestionsRequest, _omni_identity_v1_ListMatchSuggestionsResponse, _omni_identity_v1_ListMatchSuggestionsRequest__Output, _omni_identity_v1_ListMatchSuggestionsResponse__Output>
  MergeCustomers: MethodDefinition<_omni_identity_v1_MergeCustomersRequest, _omni_identity_v1_MergeCustomersResponse, _omni_identity_v1_MergeCustomersRequest__Output, _omni_identity_v1_MergeCustomersResponse__Output>
  RejectSuggestion: MethodDefinition<_omni_identity_v1_RejectSuggestionRequest, _omni_identity_v1_RejectSuggestionResponse, _omni_identity_v1_RejectSuggestionRequest__Output, _omni_identity_v1_RejectSuggestionResponse__Output>
  SetContactPreferences: MethodDefinition<_omni_identity_v1_SetContactPreferencesRequest, _omni_identity_v1_SetContactPreferencesResponse, _omni_identity_v1_SetContactPreferencesRequest__Output, _omni_identity_v1_SetContactPreferencesResponse__Output>
  SnoozeContact: MethodDefinition<_omni_identity_v1_SnoozeContactRequest, _omni_identity_v1_SnoozeContactResponse, _omni_identity_v1_SnoozeContactRequest__Output, _omni_identity_v1_SnoozeContactResponse__Output>
  Track: MethodDefinition<_omni_identity_v1_TrackRequest, _omni_identity_v1_TrackResponse, _omni_identity_v1_TrackRequest__Output, _omni_identity_v1_TrackResponse__Output>
  TrackBatch: MethodDefinition<_omni_identity_v1_TrackBatchRequest, _omni_identity_v1_TrackBatchResponse, _omni_identity_v1_TrackBatchRequest__Output, _omni_identity_v1_TrackBatchResponse__Output>
  Unmerge: MethodDefinition<_omni_identity_v1_UnmergeRequest, _omni_identity_v1_UnmergeResponse, _omni_identity_v1_UnmergeRequest__Output, _omni_identity_v1_UnmergeResponse__Output>
  UpdateConsent: MethodDefinition<_omni_identity_v1_UpdateConsentRequest, _omni_identity_v1_UpdateConsentResponse, _omni_identity_v1_UpdateConsentRequest__Output, _omni_identity_v1_UpdateConsentResponse__Output>
  UpdateGlobalUnsubscribe: MethodDefinition<_omni_identity_v1_UpdateGlobalUnsubscribeRequest, _omni_identity_v1_UpdateGlobalUnsubscribeResponse, _omni_identity_v1_UpdateGlobalUnsubscribeRequest__Output, _omni_identity_v1_UpdateGlobalUnsubscribeResponse__Output>
  UpdateIdentityRules: MethodDefinition<_omni_identity_v1_UpdateIdentityRulesRequest, _omni_identity_v1_UpdateIdentityRulesResponse, _omni_identity_v1_UpdateIdentityRulesRequest__Output, _omni_identity_v1_UpdateIdentityRulesResponse__Output>
}
