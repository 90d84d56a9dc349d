// Original file: omni/channel/v1/channel.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ApproveTemplateRequest as _omni_channel_v1_ApproveTemplateRequest, ApproveTemplateRequest__Output as _omni_channel_v1_ApproveTemplateRequest__Output } from '../../../omni/channel/v1/ApproveTemplateRequest';
import type { ApproveTemplateResponse as _omni_channel_v1_ApproveTemplateResponse, ApproveTemplateResponse__Output as _omni_channel_v1_ApproveTemplateResponse__Output } from '../../../omni/channel/v1/ApproveTemplateResponse';
import type { CreateSuppressionRequest as _omni_channel_v1_CreateSuppressionRequest, CreateSuppressionRequest__Output as _omni_channel_v1_CreateSuppressionRequest__Output } from '../../../omni/channel/v1/CreateSuppressionRequest';
import type { CreateSuppressionResponse as _omni_channel_v1_CreateSuppressionResponse, CreateSuppressionResponse__Output as _omni_channel_v1_CreateSuppressionResponse__Output } from '../../../omni/channel/v1/CreateSuppressionResponse';
import type { CreateTemplateRequest as _omni_channel_v1_CreateTemplateRequest, CreateTemplateRequest__Output as _omni_channel_v1_CreateTemplateRequest__Output } from '../../../omni/channel/v1/CreateTemplateRequest';
import type { CreateTemplateResponse as _omni_channel_v1_CreateTemplateResponse, CreateTemplateResponse__Output as _omni_channel_v1_CreateTemplateResponse__Output } from '../../../omni/channel/v1/CreateTemplateResponse';
import type { DeleteSuppressionRequest as _omni_channel_v1_DeleteSuppressionRequest, DeleteSuppressionRequest__Output as _omni_channel_v1_DeleteSuppressionRequest__Output } from '../../../omni/channel/v1/DeleteSuppressionRequest';
import type { DeleteSuppressionResponse as _omni_channel_v1_DeleteSuppressionResponse, DeleteSuppressionResponse__Output as _omni_channel_v1_DeleteSuppressionResponse__Output } from '../../../omni/channel/v1/DeleteSuppressionResponse';
import type { GetCouponRequest as _omni_channel_v1_GetCouponRequest, GetCouponRequest__Output as _omni_channel_v1_GetCouponRequest__Output } from '../../../omni/channel/v1/GetCouponRequest';
import type { GetCouponResponse as _omni_channel_v1_GetCouponResponse, GetCouponResponse__Output as _omni_channel_v1_GetCouponResponse__Output } from '../../../omni/channel/v1/GetCouponResponse';
import type { GetMessageRequest as _omni_channel_v1_GetMessageRequest, GetMessageRequest__Output as _omni_channel_v1_GetMessageRequest__Output } from '../../../omni/channel/v1/GetMessageRequest';
import type { GetMessageResponse as _omni_channel_v1_GetMessageResponse, GetMessageResponse__Output as _omni_channel_v1_GetMessageResponse__Output } from '../../../omni/channel/v1/GetMessageResponse';
import type { GetProviderConfigRequest as _omni_channel_v1_GetProviderConfigRequest, GetProviderConfigRequest__Output as _omni_channel_v1_GetProviderConfigRequest__Output } from '../../../omni/channel/v1/GetProviderConfigRequest';
import type { GetProviderConfigResponse as _omni_channel_v1_GetProviderConfigResponse, GetProviderConfigResponse__Output as _omni_channel_v1_GetProviderConfigResponse__Output } from '../../../omni/channel/v1/GetProviderConfigResponse';
import type { GetSendPolicyRequest as _omni_channel_v1_GetSendPolicyRequest, GetSendPolicyRequest__Output as _omni_channel_v1_GetSendPolicyRequest__Output } from '../../../omni/channel/v1/GetSendPolicyRequest';
import type { GetSendPolicyResponse as _omni_channel_v1_GetSendPolicyResponse, GetSendPolicyResponse__Output as _omni_channel_v1_GetSendPolicyResponse__Output } from '../../../omni/channel/v1/GetSendPolicyResponse';
import type { GetTemplateRequest as _omni_channel_v1_GetTemplateRequest, GetTemplateRequest__Output as _omni_channel_v1_GetTemplateRequest__Output } from '../../../omni/channel/v1/GetTemplateRequest';
import type { GetTemplateResponse as _omni_channel_v1_GetTemplateResponse, GetTemplateResponse__Output as _omni_channel_v1_GetTemplateResponse__Output } from '../../../omni/channel/v1/GetTemplateResponse';
import type { GetTemplateReviewRequest as _omni_channel_v1_GetTemplateReviewRequest, GetTemplateReviewRequest__Output as _omni_channel_v1_GetTemplateReviewRequest__Output } from '../../../omni/channel/v1/GetTemplateReviewRequest';
import type { GetTemplateReviewResponse as _omni_channel_v1_GetTemplateReviewResponse, GetTemplateReviewResponse__Output as _omni_channel_v1_GetTemplateReviewResponse__Output } from '../../../omni/channel/v1/GetTemplateReviewResponse';
import type { GetTemplateReviewSettingsRequest as _omni_channel_v1_GetTemplateReviewSettingsRequest, GetTemplateReviewSettingsRequest__Output as _omni_channel_v1_GetTemplateReviewSettingsRequest__Output } from '../../../omni/channel/v1/GetTemplateReviewSettingsRequest';
import type { GetTemplateReviewSettingsResponse as _omni_channel_v1_GetTemplateReviewSettingsResponse, GetTemplateReviewSettingsResponse__Output as _omni_channel_v1_GetTemplateReviewSettingsResponse__Output } from '../../../omni/channel/v1/GetTemplateReviewSettingsResponse';
import type { IssueCouponRequest as _omni_channel_v1_IssueCouponRequest, IssueCouponRequest__Output as _omni_channel_v1_IssueCouponRequest__Output } from '../../../omni/channel/v1/IssueCouponRequest';
import type { IssueCouponResponse as _omni_channel_v1_IssueCouponResponse, IssueCouponResponse__Output as _omni_channel_v1_IssueCouponResponse__Output } from '../../../omni/channel/v1/IssueCouponResponse';
import type { ListMessagesRequest as _omni_channel_v1_ListMessagesRequest, ListMessagesRequest__Output as _omni_channel_v1_ListMessagesRequest__Output } from '../../../omni/channel/v1/ListMessagesRequest';
import type { ListMessagesResponse as _omni_channel_v1_ListMessagesResponse, ListMessagesResponse__Output as _omni_channel_v1_ListMessagesResponse__Output } from '../../../omni/channel/v1/ListMessagesResponse';
import type { ListProviderConfigsRequest as _omni_channel_v1_ListProviderConfigsRequest, ListProviderConfigsRequest__Output as _omni_channel_v1_ListProviderConfigsRequest__Output } from '../../../omni/channel/v1/ListProviderConfigsRequest';
import type { ListProviderConfigsResponse as _omni_channel_v1_ListProviderConfigsResponse, ListProviderConfigsResponse__Output as _omni_channel_v1_ListProviderConfigsResponse__Output } from '../../../omni/channel/v1/ListProviderConfigsResponse';
import type { ListSuppressionsRequest as _omni_channel_v1_ListSuppressionsRequest, ListSuppressionsRequest__Output as _omni_channel_v1_ListSuppressionsRequest__Output } from '../../../omni/channel/v1/ListSuppressionsRequest';
import type { ListSuppressionsResponse as _omni_channel_v1_ListSuppressionsResponse, ListSuppressionsResponse__Output as _omni_channel_v1_ListSuppressionsResponse__Output } from '../../../omni/channel/v1/ListSuppressionsResponse';
import type { ListTemplateReviewsRequest as _omni_channel_v1_ListTemplateReviewsRequest, ListTemplateReviewsRequest__Output as _omni_channel_v1_ListTemplateReviewsRequest__Output } from '../../../omni/channel/v1/ListTemplateReviewsRequest';
import type { ListTemplateReviewsResponse as _omni_channel_v1_ListTemplateReviewsResponse, ListTemplateReviewsResponse__Output as _omni_channel_v1_ListTemplateReviewsResponse__Output } from '../../../omni/channel/v1/ListTemplateReviewsResponse';
import type { PreviewTemplateRequest as _omni_channel_v1_PreviewTemplateRequest, PreviewTemplateRequest__Output as _omni_channel_v1_PreviewTemplateRequest__Output } from '../../../omni/channel/v1/PreviewTemplateRequest';
import type { PreviewTemplateResponse as _omni_channel_v1_PreviewTemplateResponse, PreviewTemplateResponse__Output as _omni_channel_v1_PreviewTemplateResponse__Output } from '../../../omni/channel/v1/PreviewTemplateResponse';
import type { RedeemCouponRequest as _omni_channel_v1_RedeemCouponRequest, RedeemCouponRequest__Output as _omni_channel_v1_RedeemCouponRequest__Output } from '../../../omni/channel/v1/RedeemCouponRequest';
import type { RedeemCouponResponse as _omni_channel_v1_RedeemCouponResponse, RedeemCouponResponse__Output as _omni_channel_v1_RedeemCouponResponse__Output } from '../../../omni/channel/v1/RedeemCouponResponse';
import type { RejectTemplateRequest as _omni_channel_v1_RejectTemplateRequest, RejectTemplateRequest__Output as _omni_channel_v1_RejectTemplateRequest__Output } from '../../../omni/channel/v1/RejectTemplateRequest';
import type { RejectTemplateResponse as _omni_channel_v1_RejectTemplateResponse, RejectTemplateResponse__Output as _omni_channel_v1_RejectTemplateResponse__Output } from '../../../omni/channel/v1/RejectTemplateResponse';
import type { SendRequest as _omni_channel_v1_SendRequest, SendRequest__Output as _omni_channel_v1_SendRequest__Output } from '../../../omni/channel/v1/SendRequest';
import type { SendResponse as _omni_channel_v1_SendResponse, SendResponse__Output as _omni_channel_v1_SendResponse__Output } from '../../../omni/channel/v1/SendResponse';
import type { SubmitTemplateForReviewRequest as _omni_channel_v1_SubmitTemplateForReviewRequest, SubmitTemplateForReviewRequest__Output as _omni_channel_v1_SubmitTemplateForReviewRequest__Output } from '../../../omni/channel/v1/SubmitTemplateForReviewRequest';
import type { SubmitTemplateForReviewResponse as _omni_channel_v1_SubmitTemplateForReviewResponse, SubmitTemplateForReviewResponse__Output as _omni_channel_v1_SubmitTemplateForReviewResponse__Output } from '../../../omni/channel/v1/SubmitTemplateForReviewResponse';
import type { UpdateProviderConfigRequest as _omni_channel_v1_UpdateProviderConfigRequest, UpdateProviderConfigRequest__Output as _omni_channel_v1_UpdateProviderConfigRequest__Output } from '../../../omni/channel/v1/UpdateProviderConfigRequest';
import type { UpdateProviderConfigResponse as _omni_channel_v1_UpdateProviderConfigResponse, UpdateProviderConfigResponse__Output as _omni_channel_v1_UpdateProviderConfigResponse__Output } from '../../../omni/channel/v1/UpdateProviderConfigResponse';
import type { UpdateSendPolicyRequest as _omni_channel_v1_UpdateSendPolicyRequest, UpdateSendPolicyRequest__Output as _omni_channel_v1_UpdateSendPolicyRequest__Output } from '../../../omni/channel/v1/UpdateSendPolicyRequest';
import type { UpdateSendPolicyResponse as _omni_channel_v1_UpdateSendPolicyResponse, UpdateSendPolicyResponse__Output as _omni_channel_v1_UpdateSendPolicyResponse__Output } from '../../../omni/channel/v1/UpdateSendPolicyResponse';
import type { UpdateTemplateRequest as _omni_channel_v1_UpdateTemplateRequest, UpdateTemplateRequest__Output as _omni_channel_v1_UpdateTemplateRequest__Output } from '../../../omni/channel/v1/UpdateTemplateRequest';
import type { UpdateTemplateResponse as _omni_channel_v1_UpdateTemplateResponse, UpdateTemplateResponse__Output as _omni_channel_v1_UpdateTemplateResponse__Output } from '../../../omni/channel/v1/UpdateTemplateResponse';
import type { UpdateTemplateReviewSettingsRequest as _omni_channel_v1_UpdateTemplateReviewSettingsRequest, UpdateTemplateReviewSettingsRequest__Output as _omni_channel_v1_UpdateTemplateReviewSettingsRequest__Output } from '../../../omni/channel/v1/UpdateTemplateReviewSettingsRequest';
import type { UpdateTemplateReviewSettingsResponse as _omni_channel_v1_UpdateTemplateReviewSettingsResponse, UpdateTemplateReviewSettingsResponse__Output as _omni_channel_v1_UpdateTemplateReviewSettingsResponse__Output } from '../../../omni/channel/v1/UpdateTemplateReviewSettingsResponse';
import type { WatchDeliveriesRequest as _omni_channel_v1_WatchDeliveriesRequest, WatchDeliveriesRequest__Output as _omni_channel_v1_WatchDeliveriesRequest__Output } from '../../../omni/channel/v1/WatchDeliveriesRequest';
import type { WatchDeliveriesResponse as _omni_channel_v1_WatchDeliveriesResponse, WatchDeliveriesResponse__Output as _omni_channel_v1_WatchDeliveriesResponse__Output } from '../../../omni/channel/v1/WatchDeliveriesResponse';

export interface ChannelServiceClient extends grpc.Client {
  ApproveTemplate(argument: _omni_channel_v1_ApproveTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ApproveTemplateResponse__Output>): grpc.ClientUnaryCall;
  ApproveTemplate(argument: _omni_channel_v1_ApproveTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_ApproveTemplateResponse__Output>): grpc.ClientUnaryCall;
  ApproveTemplate(argument: _omni_channel_v1_ApproveTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ApproveTemplateResponse__Output>): grpc.ClientUnaryCall;
  ApproveTemplate(argument: _omni_channel_v1_ApproveTemplateRequest, callback: grpc.requestCallback<_omni_channel_v1_ApproveTemplateResponse__Output>): grpc.ClientUnaryCall;
  approveTemplate(argument: _omni_channel_v1_ApproveTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ApproveTemplateResponse__Output>): grpc.ClientUnaryCall;
  approveTemplate(argument: _omni_channel_v1_ApproveTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_ApproveTemplateResponse__Output>): grpc.ClientUnaryCall;
  approveTemplate(argument: _omni_channel_v1_ApproveTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ApproveTemplateResponse__Output>): grpc.ClientUnaryCall;
  approveTemplate(argument: _omni_channel_v1_ApproveTemplateRequest, callback: grpc.requestCallback<_omni_channel_v1_ApproveTemplateResponse__Output>): grpc.ClientUnaryCall;
  
  CreateSuppression(argument: _omni_channel_v1_CreateSuppressionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_CreateSuppressionResponse__Output>): grpc.ClientUnaryCall;
  CreateSuppression(argument: _omni_channel_v1_CreateSuppressionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_CreateSuppressionResponse__Output>): grpc.ClientUnaryCall;
  CreateSuppression(argument: _omni_channel_v1_CreateSuppressionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_CreateSuppressionResponse__Output>): grpc.ClientUnaryCall;
  CreateSuppression(argument: _omni_channel_v1_CreateSuppressionRequest, callback: grpc.requestCallback<_omni_channel_v1_CreateSuppressionResponse__Output>): grpc.ClientUnaryCall;
  createSuppression(argument: _omni_channel_v1_CreateSuppressionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_CreateSuppressionResponse__Output>): grpc.ClientUnaryCall;
  createSuppression(argument: _omni_channel_v1_CreateSuppressionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_CreateSuppressionResponse__Output>): grpc.ClientUnaryCall;
  createSuppression(argument: _omni_channel_v1_CreateSuppressionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_CreateSuppressionResponse__Output>): grpc.ClientUnaryCall;
  createSuppression(argument: _omni_channel_v1_CreateSuppressionRequest, callback: grpc.requestCallback<_omni_channel_v1_CreateSuppressionResponse__Output>): grpc.ClientUnaryCall;
  
  CreateTemplate(argument: _omni_channel_v1_CreateTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_CreateTemplateResponse__Output>): grpc.ClientUnaryCall;
  CreateTemplate(argument: _omni_channel_v1_CreateTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_CreateTemplateResponse__Output>): grpc.ClientUnaryCall;
  CreateTemplate(argument: _omni_channel_v1_CreateTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_CreateTemplateResponse__Output>): grpc.ClientUnaryCall;
  CreateTemplate(argument: _omni_channel_v1_CreateTemplateRequest, callback: grpc.requestCallback<_omni_channel_v1_CreateTemplateResponse__Output>): grpc.ClientUnaryCall;
  createTemplate(argument: _omni_channel_v1_CreateTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_CreateTemplateResponse__Output>): grpc.ClientUnaryCall;
  createTemplate(argument: _omni_channel_v1_CreateTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_CreateTemplateResponse__Output>): grpc.ClientUnaryCall;
  createTemplate(argument: _omni_channel_v1_CreateTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_CreateTemplateResponse__Output>): grpc.ClientUnaryCall;
  createTemplate(argument: _omni_channel_v1_CreateTemplateRequest, callback: grpc.requestCallback<_omni_channel_v1_CreateTemplateResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteSuppression(argument: _omni_channel_v1_DeleteSuppressionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_DeleteSuppressionResponse__Output>): grpc.ClientUnaryCall;
  DeleteSuppression(argument: _omni_channel_v1_DeleteSuppressionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_DeleteSuppressionResponse__Output>): grpc.ClientUnaryCall;
  DeleteSuppression(argument: _omni_channel_v1_DeleteSuppressionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_DeleteSuppressionResponse__Output>): grpc.ClientUnaryCall;
  DeleteSuppression(argument: _omni_channel_v1_DeleteSuppressionRequest, callback: grpc.requestCallback<_omni_channel_v1_DeleteSuppressionResponse__Output>): grpc.ClientUnaryCall;
  deleteSuppression(argument: _omni_channel_v1_DeleteSuppressionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_DeleteSuppressionResponse__Output>): grpc.ClientUnaryCall;
  deleteSuppression(argument: _omni_channel_v1_DeleteSuppressionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_DeleteSuppressionResponse__Output>): grpc.ClientUnaryCall;
  deleteSuppression(argument: _omni_channel_v1_DeleteSuppressionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_DeleteSuppressionResponse__Output>): grpc.ClientUnaryCall;
  deleteSuppression(argument: _omni_channel_v1_DeleteSuppressionRequest, callback: grpc.requestCallback<_omni_channel_v1_DeleteSuppressionResponse__Output>): grpc.ClientUnaryCall;
  
  GetCoupon(argument: _omni_channel_v1_GetCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetCouponResponse__Output>): grpc.ClientUnaryCall;
  GetCoupon(argument: _omni_channel_v1_GetCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetCouponResponse__Output>): grpc.ClientUnaryCall;
  GetCoupon(argument: _omni_channel_v1_GetCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetCouponResponse__Output>): grpc.ClientUnaryCall;
  GetCoupon(argument: _omni_channel_v1_GetCouponRequest, callback: grpc.requestCallback<_omni_channel_v1_GetCouponResponse__Output>): grpc.ClientUnaryCall;
  getCoupon(argument: _omni_channel_v1_GetCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetCouponResponse__Output>): grpc.ClientUnaryCall;
  getCoupon(argument: _omni_channel_v1_GetCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetCouponResponse__Output>): grpc.ClientUnaryCall;
  getCoupon(argument: _omni_channel_v1_GetCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetCouponResponse__Output>): grpc.ClientUnaryCall;
  getCoupon(argument: _omni_channel_v1_GetCouponRequest, callback: grpc.requestCallback<_omni_channel_v1_GetCouponResponse__Output>): grpc.ClientUnaryCall;
  
  GetMessage(argument: _omni_channel_v1_GetMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetMessageResponse__Output>): grpc.ClientUnaryCall;
  GetMessage(argument: _omni_channel_v1_GetMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetMessageResponse__Output>): grpc.ClientUnaryCall;
  GetMessage(argument: _omni_channel_v1_GetMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetMessageResponse__Output>): grpc.ClientUnaryCall;
  GetMessage(argument: _omni_channel_v1_GetMessageRequest, callback: grpc.requestCallback<_omni_channel_v1_GetMessageResponse__Output>): grpc.ClientUnaryCall;
  getMessage(argument: _omni_channel_v1_GetMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetMessageResponse__Output>): grpc.ClientUnaryCall;
  getMessage(argument: _omni_channel_v1_GetMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetMessageResponse__Output>): grpc.ClientUnaryCall;
  getMessage(argument: _omni_channel_v1_GetMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetMessageResponse__Output>): grpc.ClientUnaryCall;
  getMessage(argument: _omni_channel_v1_GetMessageRequest, callback: grpc.requestCallback<_omni_channel_v1_GetMessageResponse__Output>): grpc.ClientUnaryCall;
  
  GetProviderConfig(argument: _omni_channel_v1_GetProviderConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  GetProviderConfig(argument: _omni_channel_v1_GetProviderConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  GetProviderConfig(argument: _omni_channel_v1_GetProviderConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  GetProviderConfig(argument: _omni_channel_v1_GetProviderConfigRequest, callback: grpc.requestCallback<_omni_channel_v1_GetProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  getProviderConfig(argument: _omni_channel_v1_GetProviderConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  getProviderConfig(argument: _omni_channel_v1_GetProviderConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  getProviderConfig(argument: _omni_channel_v1_GetProviderConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  getProviderConfig(argument: _omni_channel_v1_GetProviderConfigRequest, callback: grpc.requestCallback<_omni_channel_v1_GetProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  
  GetSendPolicy(argument: _omni_channel_v1_GetSendPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  GetSendPolicy(argument: _omni_channel_v1_GetSendPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  GetSendPolicy(argument: _omni_channel_v1_GetSendPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  GetSendPolicy(argument: _omni_channel_v1_GetSendPolicyRequest, callback: grpc.requestCallback<_omni_channel_v1_GetSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  getSendPolicy(argument: _omni_channel_v1_GetSendPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  getSendPolicy(argument: _omni_channel_v1_GetSendPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  getSendPolicy(argument: _omni_channel_v1_GetSendPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  getSendPolicy(argument: _omni_channel_v1_GetSendPolicyRequest, callback: grpc.requestCallback<_omni_channel_v1_GetSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  
  GetTemplate(argument: _omni_channel_v1_GetTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateResponse__Output>): grpc.ClientUnaryCall;
  GetTemplate(argument: _omni_channel_v1_GetTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateResponse__Output>): grpc.ClientUnaryCall;
  GetTemplate(argument: _omni_channel_v1_GetTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateResponse__Output>): grpc.ClientUnaryCall;
  GetTemplate(argument: _omni_channel_v1_GetTemplateRequest, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateResponse__Output>): grpc.ClientUnaryCall;
  getTemplate(argument: _omni_channel_v1_GetTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateResponse__Output>): grpc.ClientUnaryCall;
  getTemplate(argument: _omni_channel_v1_GetTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateResponse__Output>): grpc.ClientUnaryCall;
  getTemplate(argument: _omni_channel_v1_GetTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateResponse__Output>): grpc.ClientUnaryCall;
  getTemplate(argument: _omni_channel_v1_GetTemplateRequest, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateResponse__Output>): grpc.ClientUnaryCall;
  
  GetTemplateReview(argument: _omni_channel_v1_GetTemplateReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewResponse__Output>): grpc.ClientUnaryCall;
  GetTemplateReview(argument: _omni_channel_v1_GetTemplateReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewResponse__Output>): grpc.ClientUnaryCall;
  GetTemplateReview(argument: _omni_channel_v1_GetTemplateReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewResponse__Output>): grpc.ClientUnaryCall;
  GetTemplateReview(argument: _omni_channel_v1_GetTemplateReviewRequest, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewResponse__Output>): grpc.ClientUnaryCall;
  getTemplateReview(argument: _omni_channel_v1_GetTemplateReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewResponse__Output>): grpc.ClientUnaryCall;
  getTemplateReview(argument: _omni_channel_v1_GetTemplateReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewResponse__Output>): grpc.ClientUnaryCall;
  getTemplateReview(argument: _omni_channel_v1_GetTemplateReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewResponse__Output>): grpc.ClientUnaryCall;
  getTemplateReview(argument: _omni_channel_v1_GetTemplateReviewRequest, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewResponse__Output>): grpc.ClientUnaryCall;
  
  GetTemplateReviewSettings(argument: _omni_channel_v1_GetTemplateReviewSettingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  GetTemplateReviewSettings(argument: _omni_channel_v1_GetTemplateReviewSettingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  GetTemplateReviewSettings(argument: _omni_channel_v1_GetTemplateReviewSettingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  GetTemplateReviewSettings(argument: _omni_channel_v1_GetTemplateReviewSettingsRequest, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  getTemplateReviewSettings(argument: _omni_channel_v1_GetTemplateReviewSettingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  getTemplateReviewSettings(argument: _omni_channel_v1_GetTemplateReviewSettingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  getTemplateReviewSettings(argument: _omni_channel_v1_GetTemplateReviewSettingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  getTemplateReviewSettings(argument: _omni_channel_v1_GetTemplateReviewSettingsRequest, callback: grpc.requestCallback<_omni_channel_v1_GetTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  
  IssueCoupon(argument: _omni_channel_v1_IssueCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  IssueCoupon(argument: _omni_channel_v1_IssueCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  IssueCoupon(argument: _omni_channel_v1_IssueCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  IssueCoupon(argument: _omni_channel_v1_IssueCouponRequest, callback: grpc.requestCallback<_omni_channel_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  issueCoupon(argument: _omni_channel_v1_IssueCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  issueCoupon(argument: _omni_channel_v1_IssueCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  issueCoupon(argument: _omni_channel_v1_IssueCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  issueCoupon(argument: _omni_channel_v1_IssueCouponRequest, callback: grpc.requestCallback<_omni_channel_v1_IssueCouponResponse__Output>): grpc.ClientUnaryCall;
  
  ListMessages(argument: _omni_channel_v1_ListMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListMessages(argument: _omni_channel_v1_ListMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListMessages(argument: _omni_channel_v1_ListMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListMessages(argument: _omni_channel_v1_ListMessagesRequest, callback: grpc.requestCallback<_omni_channel_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  listMessages(argument: _omni_channel_v1_ListMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  listMessages(argument: _omni_channel_v1_ListMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  listMessages(argument: _omni_channel_v1_ListMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  listMessages(argument: _omni_channel_v1_ListMessagesRequest, callback: grpc.requestCallback<_omni_channel_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  
  ListProviderConfigs(argument: _omni_channel_v1_ListProviderConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListProviderConfigsResponse__Output>): grpc.ClientUnaryCall;
  ListProviderConfigs(argument: _omni_channel_v1_ListProviderConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_ListProviderConfigsResponse__Output>): grpc.ClientUnaryCall;
  ListProviderConfigs(argument: _omni_channel_v1_ListProviderConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListProviderConfigsResponse__Output>): grpc.ClientUnaryCall;
  ListProviderConfigs(argument: _omni_channel_v1_ListProviderConfigsRequest, callback: grpc.requestCallback<_omni_channel_v1_ListProviderConfigsResponse__Output>): grpc.ClientUnaryCall;
  listProviderConfigs(argument: _omni_channel_v1_ListProviderConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListProviderConfigsResponse__Output>): grpc.ClientUnaryCall;
  listProviderConfigs(argument: _omni_channel_v1_ListProviderConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_ListProviderConfigsResponse__Output>): grpc.ClientUnaryCall;
  listProviderConfigs(argument: _omni_channel_v1_ListProviderConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListProviderConfigsResponse__Output>): grpc.ClientUnaryCall;
  listProviderConfigs(argument: _omni_channel_v1_ListProviderConfigsRequest, callback: grpc.requestCallback<_omni_channel_v1_ListProviderConfigsResponse__Output>): grpc.ClientUnaryCall;
  
  ListSuppressions(argument: _omni_channel_v1_ListSuppressionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListSuppressionsResponse__Output>): grpc.ClientUnaryCall;
  ListSuppressions(argument: _omni_channel_v1_ListSuppressionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_ListSuppressionsResponse__Output>): grpc.ClientUnaryCall;
  ListSuppressions(argument: _omni_channel_v1_ListSuppressionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListSuppressionsResponse__Output>): grpc.ClientUnaryCall;
  ListSuppressions(argument: _omni_channel_v1_ListSuppressionsRequest, callback: grpc.requestCallback<_omni_channel_v1_ListSuppressionsResponse__Output>): grpc.ClientUnaryCall;
  listSuppressions(argument: _omni_channel_v1_ListSuppressionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListSuppressionsResponse__Output>): grpc.ClientUnaryCall;
  listSuppressions(argument: _omni_channel_v1_ListSuppressionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_ListSuppressionsResponse__Output>): grpc.ClientUnaryCall;
  listSuppressions(argument: _omni_channel_v1_ListSuppressionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListSuppressionsResponse__Output>): grpc.ClientUnaryCall;
  listSuppressions(argument: _omni_channel_v1_ListSuppressionsRequest, callback: grpc.requestCallback<_omni_channel_v1_ListSuppressionsResponse__Output>): grpc.ClientUnaryCall;
  
  ListTemplateReviews(argument: _omni_channel_v1_ListTemplateReviewsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListTemplateReviewsResponse__Output>): grpc.ClientUnaryCall;
  ListTemplateReviews(argument: _omni_channel_v1_ListTemplateReviewsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_ListTemplateReviewsResponse__Output>): grpc.ClientUnaryCall;
  ListTemplateReviews(argument: _omni_channel_v1_ListTemplateReviewsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListTemplateReviewsResponse__Output>): grpc.ClientUnaryCall;
  ListTemplateReviews(argument: _omni_channel_v1_ListTemplateReviewsRequest, callback: grpc.requestCallback<_omni_channel_v1_ListTemplateReviewsResponse__Output>): grpc.ClientUnaryCall;
  listTemplateReviews(argument: _omni_channel_v1_ListTemplateReviewsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListTemplateReviewsResponse__Output>): grpc.ClientUnaryCall;
  listTemplateReviews(argument: _omni_channel_v1_ListTemplateReviewsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_ListTemplateReviewsResponse__Output>): grpc.ClientUnaryCall;
  listTemplateReviews(argument: _omni_channel_v1_ListTemplateReviewsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_ListTemplateReviewsResponse__Output>): grpc.ClientUnaryCall;
  listTemplateReviews(argument: _omni_channel_v1_ListTemplateReviewsRequest, callback: grpc.requestCallback<_omni_channel_v1_ListTemplateReviewsResponse__Output>): grpc.ClientUnaryCall;
  
  PreviewTemplate(argument: _omni_channel_v1_PreviewTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_PreviewTemplateResponse__Output>): grpc.ClientUnaryCall;
  PreviewTemplate(argument: _omni_channel_v1_PreviewTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_PreviewTemplateResponse__Output>): grpc.ClientUnaryCall;
  PreviewTemplate(argument: _omni_channel_v1_PreviewTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_PreviewTemplateResponse__Output>): grpc.ClientUnaryCall;
  PreviewTemplate(argument: _omni_channel_v1_PreviewTemplateRequest, callback: grpc.requestCallback<_omni_channel_v1_PreviewTemplateResponse__Output>): grpc.ClientUnaryCall;
  previewTemplate(argument: _omni_channel_v1_PreviewTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_PreviewTemplateResponse__Output>): grpc.ClientUnaryCall;
  previewTemplate(argument: _omni_channel_v1_PreviewTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_PreviewTemplateResponse__Output>): grpc.ClientUnaryCall;
  previewTemplate(argument: _omni_channel_v1_PreviewTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_PreviewTemplateResponse__Output>): grpc.ClientUnaryCall;
  previewTemplate(argument: _omni_channel_v1_PreviewTemplateRequest, callback: grpc.requestCallback<_omni_channel_v1_PreviewTemplateResponse__Output>): grpc.ClientUnaryCall;
  
  RedeemCoupon(argument: _omni_channel_v1_RedeemCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_RedeemCouponResponse__Output>): grpc.ClientUnaryCall;
  RedeemCoupon(argument: _omni_channel_v1_RedeemCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_RedeemCouponResponse__Output>): grpc.ClientUnaryCall;
  RedeemCoupon(argument: _omni_channel_v1_RedeemCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_RedeemCouponResponse__Output>): grpc.ClientUnaryCall;
  RedeemCoupon(argument: _omni_channel_v1_RedeemCouponRequest, callback: grpc.requestCallback<_omni_channel_v1_RedeemCouponResponse__Output>): grpc.ClientUnaryCall;
  redeemCoupon(argument: _omni_channel_v1_RedeemCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_RedeemCouponResponse__Output>): grpc.ClientUnaryCall;
  redeemCoupon(argument: _omni_channel_v1_RedeemCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_RedeemCouponResponse__Output>): grpc.ClientUnaryCall;
  redeemCoupon(argument: _omni_channel_v1_RedeemCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_RedeemCouponResponse__Output>): grpc.ClientUnaryCall;
  redeemCoupon(argument: _omni_channel_v1_RedeemCouponRequest, callback: grpc.requestCallback<_omni_channel_v1_RedeemCouponResponse__Output>): grpc.ClientUnaryCall;
  
  RejectTemplate(argument: _omni_channel_v1_RejectTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_RejectTemplateResponse__Output>): grpc.ClientUnaryCall;
  RejectTemplate(argument: _omni_channel_v1_RejectTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_RejectTemplateResponse__Output>): grpc.ClientUnaryCall;
  RejectTemplate(argument: _omni_channel_v1_RejectTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_RejectTemplateResponse__Output>): grpc.ClientUnaryCall;
  RejectTemplate(argument: _omni_channel_v1_RejectTemplateRequest, callback: grpc.requestCallback<_omni_channel_v1_RejectTemplateResponse__Output>): grpc.ClientUnaryCall;
  rejectTemplate(argument: _omni_channel_v1_RejectTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_RejectTemplateResponse__Output>): grpc.ClientUnaryCall;
  rejectTemplate(argument: _omni_channel_v1_RejectTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_RejectTemplateResponse__Output>): grpc.ClientUnaryCall;
  rejectTemplate(argument: _omni_channel_v1_RejectTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_RejectTemplateResponse__Output>): grpc.ClientUnaryCall;
  rejectTemplate(argument: _omni_channel_v1_RejectTemplateRequest, callback: grpc.requestCallback<_omni_channel_v1_RejectTemplateResponse__Output>): grpc.ClientUnaryCall;
  
  Send(argument: _omni_channel_v1_SendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_SendResponse__Output>): grpc.ClientUnaryCall;
  Send(argument: _omni_channel_v1_SendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_SendResponse__Output>): grpc.ClientUnaryCall;
  Send(argument: _omni_channel_v1_SendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_SendResponse__Output>): grpc.ClientUnaryCall;
  Send(argument: _omni_channel_v1_SendRequest, callback: grpc.requestCallback<_omni_channel_v1_SendResponse__Output>): grpc.ClientUnaryCall;
  send(argument: _omni_channel_v1_SendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_SendResponse__Output>): grpc.ClientUnaryCall;
  send(argument: _omni_channel_v1_SendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_SendResponse__Output>): grpc.ClientUnaryCall;
  send(argument: _omni_channel_v1_SendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_SendResponse__Output>): grpc.ClientUnaryCall;
  send(argument: _omni_channel_v1_SendRequest, callback: grpc.requestCallback<_omni_channel_v1_SendResponse__Output>): grpc.ClientUnaryCall;
  
  SubmitTemplateForReview(argument: _omni_channel_v1_SubmitTemplateForReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_SubmitTemplateForReviewResponse__Output>): grpc.ClientUnaryCall;
  SubmitTemplateForReview(argument: _omni_channel_v1_SubmitTemplateForReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_SubmitTemplateForReviewResponse__Output>): grpc.ClientUnaryCall;
  SubmitTemplateForReview(argument: _omni_channel_v1_SubmitTemplateForReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_SubmitTemplateForReviewResponse__Output>): grpc.ClientUnaryCall;
  SubmitTemplateForReview(argument: _omni_channel_v1_SubmitTemplateForReviewRequest, callback: grpc.requestCallback<_omni_channel_v1_SubmitTemplateForReviewResponse__Output>): grpc.ClientUnaryCall;
  submitTemplateForReview(argument: _omni_channel_v1_SubmitTemplateForReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_SubmitTemplateForReviewResponse__Output>): grpc.ClientUnaryCall;
  submitTemplateForReview(argument: _omni_channel_v1_SubmitTemplateForReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_SubmitTemplateForReviewResponse__Output>): grpc.ClientUnaryCall;
  submitTemplateForReview(argument: _omni_channel_v1_SubmitTemplateForReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_SubmitTemplateForReviewResponse__Output>): grpc.ClientUnaryCall;
  submitTemplateForReview(argument: _omni_channel_v1_SubmitTemplateForReviewRequest, callback: grpc.requestCallback<_omni_channel_v1_SubmitTemplateForReviewResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateProviderConfig(argument: _omni_channel_v1_UpdateProviderConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  UpdateProviderConfig(argument: _omni_channel_v1_UpdateProviderConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_UpdateProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  UpdateProviderConfig(argument: _omni_channel_v1_UpdateProviderConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  UpdateProviderConfig(argument: _omni_channel_v1_UpdateProviderConfigRequest, callback: grpc.requestCallback<_omni_channel_v1_UpdateProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  updateProviderConfig(argument: _omni_channel_v1_UpdateProviderConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  updateProviderConfig(argument: _omni_channel_v1_UpdateProviderConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_UpdateProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  updateProviderConfig(argument: _omni_channel_v1_UpdateProviderConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  updateProviderConfig(argument: _omni_channel_v1_UpdateProviderConfigRequest, callback: grpc.requestCallback<_omni_channel_v1_UpdateProviderConfigResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateSendPolicy(argument: _omni_channel_v1_UpdateSendPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  UpdateSendPolicy(argument: _omni_channel_v1_UpdateSendPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_UpdateSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  UpdateSendPolicy(argument: _omni_channel_v1_UpdateSendPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  UpdateSendPolicy(argument: _omni_channel_v1_UpdateSendPolicyRequest, callback: grpc.requestCallback<_omni_channel_v1_UpdateSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  updateSendPolicy(argument: _omni_channel_v1_UpdateSendPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  updateSendPolicy(argument: _omni_channel_v1_UpdateSendPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_UpdateSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  updateSendPolicy(argument: _omni_channel_v1_UpdateSendPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  updateSendPolicy(argument: _omni_channel_v1_UpdateSendPolicyRequest, callback: grpc.requestCallback<_omni_channel_v1_UpdateSendPolicyResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateTemplate(argument: _omni_channel_v1_UpdateTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateResponse__Output>): grpc.ClientUnaryCall;
  UpdateTemplate(argument: _omni_channel_v1_UpdateTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateResponse__Output>): grpc.ClientUnaryCall;
  UpdateTemplate(argument: _omni_channel_v1_UpdateTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateResponse__Output>): grpc.ClientUnaryCall;
  UpdateTemplate(argument: _omni_channel_v1_UpdateTemplateRequest, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateResponse__Output>): grpc.ClientUnaryCall;
  updateTemplate(argument: _omni_channel_v1_UpdateTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateResponse__Output>): grpc.ClientUnaryCall;
  updateTemplate(argument: _omni_channel_v1_UpdateTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateResponse__Output>): grpc.ClientUnaryCall;
  updateTemplate(argument: _omni_channel_v1_UpdateTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateResponse__Output>): grpc.ClientUnaryCall;
  updateTemplate(argument: _omni_channel_v1_UpdateTemplateRequest, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateTemplateReviewSettings(argument: _omni_channel_v1_UpdateTemplateReviewSettingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  UpdateTemplateReviewSettings(argument: _omni_channel_v1_UpdateTemplateReviewSettingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  UpdateTemplateReviewSettings(argument: _omni_channel_v1_UpdateTemplateReviewSettingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  UpdateTemplateReviewSettings(argument: _omni_channel_v1_UpdateTemplateReviewSettingsRequest, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  updateTemplateReviewSettings(argument: _omni_channel_v1_UpdateTemplateReviewSettingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  updateTemplateReviewSettings(argument: _omni_channel_v1_UpdateTemplateReviewSettingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  updateTemplateReviewSettings(argument: _omni_channel_v1_UpdateTemplateReviewSettingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  updateTemplateReviewSettings(argument: _omni_channel_v1_UpdateTemplateReviewSettingsRequest, callback: grpc.requestCallback<_omni_channel_v1_UpdateTemplateReviewSettingsResponse__Output>): grpc.ClientUnaryCall;
  
  WatchDeliveries(argument: _omni_channel_v1_WatchDeliveriesRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_channel_v1_WatchDeliveriesResponse__Output>;
  WatchDeliveries(argument: _omni_channel_v1_WatchDeliveriesRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_channel_v1_WatchDeliveriesResponse__Output>;
  watchDeliveries(argument: _omni_channel_v1_WatchDeliveriesRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_channel_v1_WatchDeliveriesResponse__Output>;
  watchDeliveries(argument: _omni_channel_v1_WatchDeliveriesRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_channel_v1_WatchDeliveriesResponse__Output>;
  
}

export interface ChannelServiceHandlers extends grpc.UntypedServiceImplementation {
  ApproveTemplate: grpc.handleUnaryCall<_omni_channel_v1_ApproveTemplateRequest__Output, _omni_channel_v1_ApproveTemplateResponse>;
  
  CreateSuppression: grpc.handleUnaryCall<_omni_channel_v1_CreateSuppressionRequest__Output, _omni_channel_v1_CreateSuppressionResponse>;
  
  CreateTemplate: grpc.handleUnaryCall<_omni_channel_v1_CreateTemplateRequest__Output, _omni_channel_v1_CreateTemplateResponse>;
  
  DeleteSuppression: grpc.handleUnaryCall<_omni_channel_v1_DeleteSuppressionRequest__Output, _omni_channel_v1_DeleteSuppressionResponse>;
  
  GetCoupon: grpc.handleUnaryCall<_omni_channel_v1_GetCouponRequest__Output, _omni_channel_v1_GetCouponResponse>;
  
  GetMessage: grpc.handleUnaryCall<_omni_channel_v1_GetMessageRequest__Output, _omni_channel_v1_GetMessageResponse>;
  
  GetProviderConfig: grpc.handleUnaryCall<_omni_channel_v1_GetProviderConfigRequest__Output, _omni_channel_v1_GetProviderConfigResponse>;
  
  GetSendPolicy: grpc.handleUnaryCall<_omni_channel_v1_GetSendPolicyRequest__Output, _omni_channel_v1_GetSendPolicyResponse>;
  
  GetTemplate: grpc.handleUnaryCall<_omni_channel_v1_GetTemplateRequest__Output, _omni_channel_v1_GetTemplateResponse>;
  
  GetTemplateReview: grpc.handleUnaryCall<_omni_channel_v1_GetTemplateReviewRequest__Output, _omni_channel_v1_GetTemplateReviewResponse>;
  
  GetTemplateReviewSettings: grpc.handleUnaryCall<_omni_channel_v1_GetTemplateReviewSettingsRequest__Output, _omni_channel_v1_GetTemplateReviewSettingsResponse>;
  
  IssueCoupon: grpc.handleUnaryCall<_omni_channel_v1_IssueCouponRequest__Output, _omni_channel_v1_IssueCouponResponse>;
  
  ListMessages: grpc.handleUnaryCall<_omni_channel_v1_ListMessagesRequest__Output, _omni_channel_v1_ListMessagesResponse>;
  
  ListProviderConfigs: grpc.handleUnaryCall<_omni_channel_v1_ListProviderConfigsRequest__Output, _omni_channel_v1_ListProviderConfigsResponse>;
  
  ListSuppressions: grpc.handleUnaryCall<_omni_channel_v1_ListSuppressionsRequest__Output, _omni_channel_v1_ListSuppressionsResponse>;
  
  ListTemplateReviews: grpc.handleUnaryCall<_omni_channel_v1_ListTemplateReviewsRequest__Output, _omni_channel_v1_ListTemplateReviewsResponse>;
  
  PreviewTemplate: grpc.handleUnaryCall<_omni_channel_v1_PreviewTemplateRequest__Output, _omni_channel_v1_PreviewTemplateResponse>;
  
  RedeemCoupon: grpc.handleUnaryCall<_omni_channel_v1_RedeemCouponRequest__Output, _omni_channel_v1_RedeemCouponResponse>;
  
  RejectTemplate: grpc.handleUnaryCall<_omni_channel_v1_RejectTemplateRequest__Output, _omni_channel_v1_RejectTemplateResponse>;
  
  Send: grpc.handleUnaryCall<_omni_channel_v1_SendRequest__Output, _omni_channel_v1_SendResponse>;
  
  SubmitTemplateForReview: grpc.handleUnaryCall<_omni_channel_v1_SubmitTemplateForReviewRequest__Output, _omni_channel_v1_SubmitTemplateForReviewResponse>;
  
  UpdateProviderConfig: grpc.handleUnaryCall<_omni_channel_v1_UpdateProviderConfigRequest__Output, _omni_channel_v1_UpdateProviderConfigResponse>;
  
  UpdateSendPolicy: grpc.handleUnaryCall<_omni_channel_v1_UpdateSendPolicyRequest__Output, _omni_channel_v1_UpdateSendPolicyResponse>;
  
  UpdateTemplate: grpc.handleUnaryCall<_omni_channel_v1_UpdateTemplateRequest__Output, _omni_channel_v1_UpdateTemplateResponse>;
  
  UpdateTemplateReviewSettings: grpc.handleUnaryCall<_omni_channel_v1_UpdateTemplateReviewSettingsRequest__Output, _omni_channel_v1_UpdateTemplateReviewSettingsResponse>;
  
  WatchDeliveries: grpc.handleServerStreamingCall<_omni_channel_v1_WatchDeliveriesRequest__Output, _omni_channel_v1_WatchDeliveriesResponse>;
  
}

export interface ChannelServiceDefinition extends grpc.ServiceDefinition {
  ApproveTemplate: MethodDefinition<_omni_channel_v1_ApproveTemplateRequest, _omni_channel_v1_ApproveTemplateResponse, _omni_channel_v1_ApproveTemplateRequest__Output, _omni_channel_v1_ApproveTemplateResponse__Output>
  CreateSuppression: MethodDefinition<_omni_channel_v1_CreateSuppressionRequest, _omni_channel_v1_CreateSuppressionResponse, _omni_channel_v1_CreateSuppressionRequest__Output, _omni_channel_v1_CreateSuppressionResponse__Output>
  CreateTemplate: MethodDefinition<_omni_channel_v1_CreateTemplateRequest, _omni_channel_v1_CreateTemplateResponse, _omni_channel_v1_CreateTemplateRequest__Output, _omni_channel_v1_CreateTemplateResponse__Output>
  DeleteSuppression: MethodDefinition<_omni_channel_v1_DeleteSuppressionRequest, _omni_channel_v1_DeleteSuppressionResponse, _omni_channel_v1_DeleteSuppressionRequest__Output, _omni_channel_v1_DeleteSuppressionResponse__Output>
  GetCoupon: MethodDefinition<_omni_channel_v1_GetCouponRequest, _omni_channel_v1_GetCouponResponse, _omni_channel_v1_GetCouponRequest__Output, _omni_channel_v1_GetCouponResponse__Output>
  GetMessage: MethodDefinition<_omni_channel_v1_GetMessageRequest, _omni_channel_v1_GetMessageResponse, _omni_channel_v1_GetMessageRequest__Output, _omni_channel_v1_GetMessageResponse__Output>
  GetProviderConfig: MethodDefinition<_omni_channel_v1_GetProviderConfigRequest, _omni_channel_v1_GetProviderConfigResponse, _omni_channel_v1_GetProviderConfigRequest__Output, _omni_channel_v1_GetProviderConfigResponse__Output>
  GetSendPolicy: MethodDefinition<_omni_channel_v1_GetSendPolicyRequest, _omni_channel_v1_GetSendPolicyResponse, _omni_channel_v1_GetSendPolicyRequest__Output, _omni_channel_v1_GetSendPolicyResponse__Output>
  GetTemplate: MethodDefinition<_omni_channel_v1_GetTemplateRequest, _omni_channel_v1_GetTemplateResponse, _omni_channel_v1_GetTemplateRequest__Output, _omni_channel_v1_GetTemplateResponse__Output>
  GetTemplateReview: MethodDefinition<_omni_channel_v1_GetTemplateReviewRequest, _omni_channel_v1_GetTemplateReviewResponse, _omni_channel_v1_GetTemplateReviewRequest__Output, _omni_channel_v1_GetTemplateReviewResponse__Output>
  GetTemplateReviewSettings: MethodDefinition<_omni_channel_v1_GetTemplateReviewSettingsRequest, _omni_channel_v1_GetTemplateReviewSettingsResponse, _omni_channel_v1_GetTemplateReviewSettingsRequest__Output, _omni_channel_v1_GetTemplateReviewSettingsResponse__Output>
  IssueCoupon: MethodDefinition<_omni_channel_v1_IssueCouponRequest, _omni_channel_v1_IssueCouponResponse, _omni_channel_v1_IssueCouponRequest__Output, _omni_channel_v1_IssueCouponResponse__Output>
  ListMessages: MethodDefinition<_omni_channel_v1_ListMessagesRequest, _omni_channel_v1_ListMessagesResponse, _omni_channel_v1_ListMessagesRequest__Output, _omni_channel_v1_ListMessagesResponse__Output>
  ListProviderConfigs: MethodDefinition<_omni_channel_v1_ListProviderConfigsRequest, _omni_channel_v1_ListProviderConfigsResponse, _omni_channel_v1_ListProviderConfigsRequest__Output, _omni_channel_v1_ListProviderConfigsResponse__Output>
  ListSuppressions: MethodDefinition<_omni_channel_v1_ListSuppressionsRequest, _omni_channel_v1_ListSuppressionsResponse, _omni_channel_v1_ListSuppressionsRequest__Output, _omni_channel_v1_ListSuppressionsResponse__Output>
  ListTemplateReviews: MethodDefinition<_omni_channel_v1_ListTemplateReviewsRequest, _omni_channel_v1_ListTemplateReviewsResponse, _omni_channel_v1_ListTemplateReviewsRequest__Output, _omni_channel_v1_ListTemplateReviewsResponse__Output>
  PreviewTemplate: MethodDefinition<_omni_channel_v1_PreviewTemplateRequest, _omni_channel_v1_PreviewTemplateResponse, _omni_channel_v1_PreviewTemplateRequest__Output, _omni_channel_v1_PreviewTemplateResponse__Output>
  RedeemCoupon: MethodDefinition<_omni_channel_v1_RedeemCouponRequest, _omni_channel_v1_RedeemCouponResponse, _omni_channel_v1_RedeemCouponRequest__Output, _omni_channel_v1_RedeemCouponResponse__Output>
  RejectTemplate: MethodDefinition<_omni_channel_v1_RejectTemplateRequest, _omni_channel_v1_RejectTemplateResponse, _omni_channel_v1_RejectTemplateRequest__Output, _omni_channel_v1_RejectTemplateResponse__Output>
  Send: MethodDefinition<_omni_channel_v1_SendRequest, _omni_channel_v1_SendResponse, _omni_channel_v1_SendRequest__Output, _omni_channel_v1_SendResponse__Output>
  SubmitTemplateForReview: MethodDefinition<_omni_channel_v1_SubmitTemplateForReviewRequest, _omni_channel_v1_SubmitTemplateForReviewResponse, _omni_channel_v1_SubmitTemplateForReviewRequest__Output, _omni_channel_v1_SubmitTemplateForReviewResponse__Output>
  UpdateProviderConfig: MethodDefinition<_omni_channel_v1_UpdateProviderConfigRequest, _omni_channel_v1_UpdateProviderConfigResponse, _omni_channel_v1_UpdateProviderConfigRequest__Output, _omni_channel_v1_UpdateProviderConfigResponse__Output>
  UpdateSendPolicy: MethodDefinition<_omni_channel_v1_UpdateSendPolicyRequest, _omni_channel_v1_UpdateSendPolicyResponse, _omni_channel_v1_UpdateSendPolicyRequest__Output, _omni_channel_v1_UpdateSendPolicyResponse__Output>
  UpdateTemplate: MethodDefinition<_omni_channel_v1_UpdateTemplateRequest, _omni_channel_v1_UpdateTemplateResponse, _omni_channel_v1_UpdateTemplateRequest__Output, _omni_channel_v1_UpdateTemplateResponse__Output>
  UpdateTemplateReviewSettings: MethodDefinition<_omni_channel_v1_UpdateTemplateReviewSettingsRequest, _omni_channel_v1_UpdateTemplateReviewSettingsResponse, _omni_channel_v1_UpdateTemplateReviewSettingsRequest__Output, _omni_channel_v1_UpdateTemplateReviewSettingsResponse__Output>
  WatchDeliveries: MethodDefinition<_omni_channel_v1_WatchDeliveriesRequest, _omni_channel_v1_WatchDeliveriesResponse, _omni_channel_v1_WatchDeliveriesRequest__Output, _omni_channel_v1_WatchDeliveriesResponse__Output>
}
