import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from './google/protobuf/Duration';
import type { ListValue as _google_protobuf_ListValue, ListValue__Output as _google_protobuf_ListValue__Output } from './google/protobuf/ListValue';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from './google/protobuf/Struct';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from './google/protobuf/Value';
import type { ApproveTemplateRequest as _omni_channel_v1_ApproveTemplateRequest, ApproveTemplateRequest__Output as _omni_channel_v1_ApproveTemplateRequest__Output } from './omni/channel/v1/ApproveTemplateRequest';
import type { ApproveTemplateResponse as _omni_channel_v1_ApproveTemplateResponse, ApproveTemplateResponse__Output as _omni_channel_v1_ApproveTemplateResponse__Output } from './omni/channel/v1/ApproveTemplateResponse';
import type { ChannelServiceClient as _omni_channel_v1_ChannelServiceClient, ChannelServiceDefinition as _omni_channel_v1_ChannelServiceDefinition } from './omni/channel/v1/ChannelService';
import type { Coupon as _omni_channel_v1_Coupon, Coupon__Output as _omni_channel_v1_Coupon__Output } from './omni/channel/v1/Coupon';
import type { CouponSpec as _omni_channel_v1_CouponSpec, CouponSpec__Output as _omni_channel_v1_CouponSpec__Output } from './omni/channel/v1/CouponSpec';
import type { CreateSuppressionRequest as _omni_channel_v1_CreateSuppressionRequest, CreateSuppressionRequest__Output as _omni_channel_v1_CreateSuppressionRequest__Output } from './omni/channel/v1/CreateSuppressionRequest';
import type { CreateSuppressionResponse as _omni_channel_v1_CreateSuppressionResponse, CreateSuppressionResponse__Output as _omni_channel_v1_CreateSuppressionResponse__Output } from './omni/channel/v1/CreateSuppressionResponse';
import type { CreateTemplateRequest as _omni_channel_v1_CreateTemplateRequest, CreateTemplateRequest__Output as _omni_channel_v1_CreateTemplateRequest__Output } from './omni/channel/v1/CreateTemplateRequest';
import type { CreateTemplateResponse as _omni_channel_v1_CreateTemplateResponse, CreateTemplateResponse__Output as _omni_channel_v1_CreateTemplateResponse__Output } from './omni/channel/v1/CreateTemplateResponse';
import type { DeleteSuppressionRequest as _omni_channel_v1_DeleteSuppressionRequest, DeleteSuppressionRequest__Output as _omni_channel_v1_DeleteSuppressionRequest__Output } from './omni/channel/v1/DeleteSuppressionRequest';
import type { DeleteSuppressionResponse as _omni_channel_v1_DeleteSuppressionResponse, DeleteSuppressionResponse__Output as _omni_channel_v1_DeleteSuppressionResponse__Output } from './omni/channel/v1/DeleteSuppressionResponse';
import type { DeliveryEvent as _omni_channel_v1_DeliveryEvent, DeliveryEvent__Output as _omni_channel_v1_DeliveryEvent__Output } from './omni/channel/v1/DeliveryEvent';
import type { FatigueCap as _omni_channel_v1_FatigueCap, FatigueCap__Output as _omni_channel_v1_FatigueCap__Output } from './omni/channel/v1/FatigueCap';
import type { FrequencyRule as _omni_channel_v1_FrequencyRule, FrequencyRule__Output as _omni_channel_v1_FrequencyRule__Output } from './omni/channel/v1/FrequencyRule';
import type { GetCouponRequest as _omni_channel_v1_GetCouponRequest, GetCouponRequest__Output as _omni_channel_v1_GetCouponRequest__Output } from './omni/channel/v1/GetCouponRequest';
import type { GetCouponResponse as _omni_channel_v1_GetCouponResponse, GetCouponResponse__Output as _omni_channel_v1_GetCouponResponse__Output } from './omni/channel/v1/GetCouponResponse';
import type { GetMessageRequest as _omni_channel_v1_GetMessageRequest, GetMessageRequest__Output as _omni_channel_v1_GetMessageRequest__Output } from './omni/channel/v1/GetMessageRequest';
import type { GetMessageResponse as _omni_channel_v1_GetMessageResponse, GetMessageResponse__Output as _omni_channel_v1_GetMessageResponse__Output } from './omni/channel/v1/GetMessageResponse';
import type { GetProviderConfigRequest as _omni_channel_v1_GetProviderConfigRequest, GetProviderConfigRequest__Output as _omni_channel_v1_GetProviderConfigRequest__Output } from './omni/channel/v1/GetProviderConfigRequest';
import type { GetProviderConfigResponse as _omni_channel_v1_GetProviderConfigResponse, GetProviderConfigResponse__Output as _omni_channel_v1_GetProviderConfigResponse__Output } from './omni/channel/v1/GetProviderConfigResponse';
import type { GetSendPolicyRequest as _omni_channel_v1_GetSendPolicyRequest, GetSendPolicyRequest__Output as _omni_channel_v1_GetSendPolicyRequest__Output } from './omni/channel/v1/GetSendPolicyRequest';
import type { GetSendPolicyResponse as _omni_channel_v1_GetSendPolicyResponse, GetSendPolicyResponse__Output as _omni_channel_v1_GetSendPolicyResponse__Output } from './omni/channel/v1/GetSendPolicyResponse';
import type { GetTemplateRequest as _omni_channel_v1_GetTemplateRequest, GetTemplateRequest__Output as _omni_channel_v1_GetTemplateRequest__Output } from './omni/channel/v1/GetTemplateRequest';
import type { GetTemplateResponse as _omni_channel_v1_GetTemplateResponse, GetTemplateResponse__Output as _omni_channel_v1_GetTemplateResponse__Output } from './omni/channel/v1/GetTemplateResponse';
import type { GetTemplateReviewRequest as _omni_channel_v1_GetTemplateReviewRequest, GetTemplateReviewRequest__Output as _omni_channel_v1_GetTemplateReviewRequest__Output } from './omni/channel/v1/GetTemplateReviewRequest';
import type { GetTemplateReviewResponse as _omni_channel_v1_GetTemplateReviewResponse, GetTemplateReviewResponse__Output as _omni_channel_v1_GetTemplateReviewResponse__Output } from './omni/channel/v1/GetTemplateReviewResponse';
import type { GetTemplateReviewSettingsRequest as _omni_channel_v1_GetTemplateReviewSettingsRequest, GetTemplateReviewSettingsRequest__Output as _omni_channel_v1_GetTemplateReviewSettingsRequest__Output } from './omni/channel/v1/GetTemplateReviewSettingsRequest';
import type { GetTemplateReviewSettingsResponse as _omni_channel_v1_GetTemplateReviewSettingsResponse, GetTemplateReviewSettingsResponse__Output as _omni_channel_v1_GetTemplateReviewSettingsResponse__Output } from './omni/channel/v1/GetTemplateReviewSettingsResponse';
import type { IssueCouponRequest as _omni_channel_v1_IssueCouponRequest, IssueCouponRequest__Output as _omni_channel_v1_IssueCouponRequest__Output } from './omni/channel/v1/IssueCouponRequest';
import type { IssueCouponResponse as _omni_channel_v1_IssueCouponResponse, IssueCouponResponse__Output as _omni_channel_v1_IssueCouponResponse__Output } from './omni/channel/v1/IssueCouponResponse';
import type { JourneyThrottle as _omni_channel_v1_JourneyThrottle, JourneyThrottle__Output as _omni_channel_v1_JourneyThrottle__Output } from './omni/channel/v1/JourneyThrottle';
import type { ListMessagesRequest as _omni_channel_v1_ListMessagesRequest, ListMessagesRequest__Output as _omni_channel_v1_ListMessagesRequest__Output } from './omni/channel/v1/ListMessagesRequest';
import type { ListMessagesResponse as _omni_channel_v1_ListMessagesResponse, ListMessagesResponse__Output as _omni_channel_v1_ListMessagesResponse__Output } from './omni/channel/v1/ListMessagesResponse';
import type { ListProviderConfigsRequest as _omni_channel_v1_ListProviderConfigsRequest, ListProviderConfigsRequest__Output as _omni_channel_v1_ListProviderConfigsRequest__Output } from './omni/channel/v1/ListProviderConfigsRequest';
import type { ListProviderConfigsResponse as _omni_channel_v1_ListProviderConfigsResponse, ListProviderConfigsResponse__Output as _omni_channel_v1_ListProviderConfigsResponse__Output } from './omni/channel/v1/ListProviderConfigsResponse';
import type { ListSuppressionsRequest as _omni_channel_v1_ListSuppressionsRequest, ListSuppressionsRequest__Output as _omni_channel_v1_ListSuppressionsRequest__Output } from './omni/channel/v1/ListSuppressionsRequest';
import type { ListSuppressionsResponse as _omni_channel_v1_ListSuppressionsResponse, ListSuppressionsResponse__Output as _omni_channel_v1_ListSuppressionsResponse__Output } from './omni/channel/v1/ListSuppressionsResponse';
import type { ListTemplateReviewsRequest as _omni_channel_v1_ListTemplateReviewsRequest, ListTemplateReviewsRequest__Output as _omni_channel_v1_ListTemplateReviewsRequest__Output } from './omni/channel/v1/ListTemplateReviewsRequest';
import type { ListTemplateReviewsResponse as _omni_channel_v1_ListTemplateReviewsResponse, ListTemplateReviewsResponse__Output as _omni_channel_v1_ListTemplateReviewsResponse__Output } from './omni/channel/v1/ListTemplateReviewsResponse';
import type { Message as _omni_channel_v1_Message, Message__Output as _omni_channel_v1_Message__Output } from './omni/channel/v1/Message';
import type { PreviewTemplateRequest as _omni_channel_v1_PreviewTemplateRequest, PreviewTemplateRequest__Output as _omni_channel_v1_PreviewTemplateRequest__Output } from './omni/channel/v1/PreviewTemplateRequest';
import type { PreviewTemplateResponse as _omni_channel_v1_PreviewTemplateResponse, PreviewTemplateResponse__Output as _omni_channel_v1_PreviewTemplateResponse__Output } from './omni/channel/v1/PreviewTemplateResponse';
import type { ProviderConfig as _omni_channel_v1_ProviderConfig, ProviderConfig__Output as _omni_channel_v1_ProviderConfig__Output } from './omni/channel/v1/ProviderConfig';
import type { QuietHours as _omni_channel_v1_QuietHours, QuietHours__Output as _omni_channel_v1_QuietHours__Output } from './omni/channel/v1/QuietHours';
import type { RedeemCouponRequest as _omni_channel_v1_RedeemCouponRequest, RedeemCouponRequest__Output as _omni_channel_v1_RedeemCouponRequest__Output } from './omni/channel/v1/RedeemCouponRequest';
import type { RedeemCouponResponse as _omni_channel_v1_RedeemCouponResponse, RedeemCouponResponse__Output as _omni_channel_v1_RedeemCouponResponse__Output } from './omni/channel/v1/RedeemCouponResponse';
import type { RejectTemplateRequest as _omni_channel_v1_RejectTemplateRequest, RejectTemplateRequest__Output as _omni_channel_v1_RejectTemplateRequest__Output } from './omni/channel/v1/RejectTemplateRequest';
import type { RejectTemplateResponse as _omni_channel_v1_RejectTemplateResponse, RejectTemplateResponse__Output as _omni_channel_v1_RejectTemplateResponse__Output } from './omni/channel/v1/RejectTemplateResponse';
import type { RenderedOffer as _omni_channel_v1_RenderedOffer, RenderedOffer__Output as _omni_channel_v1_RenderedOffer__Output } from './omni/channel/v1/RenderedOffer';
import type { SendPolicy as _omni_channel_v1_SendPolicy, SendPolicy__Output as _omni_channel_v1_SendPolicy__Output } from './omni/channel/v1/SendPolicy';
import type { SendRequest as _omni_channel_v1_SendRequest, SendRequest__Output as _omni_channel_v1_SendRequest__Output } from './omni/channel/v1/SendRequest';
import type { SendResponse as _omni_channel_v1_SendResponse, SendResponse__Output as _omni_channel_v1_SendResponse__Output } from './omni/channel/v1/SendResponse';
import type { SmsPrice as _omni_channel_v1_SmsPrice, SmsPrice__Output as _omni_channel_v1_SmsPrice__Output } from './omni/channel/v1/SmsPrice';
import type { SubmitTemplateForReviewRequest as _omni_channel_v1_SubmitTemplateForReviewRequest, SubmitTemplateForReviewRequest__Output as _omni_channel_v1_SubmitTemplateForReviewRequest__Output } from './omni/channel/v1/SubmitTemplateForReviewRequest';
import type { SubmitTemplateForReviewResponse as _omni_channel_v1_SubmitTemplateForReviewResponse, SubmitTemplateForReviewResponse__Output as _omni_channel_v1_SubmitTemplateForReviewResponse__Output } from './omni/channel/v1/SubmitTemplateForReviewResponse';
import type { Suppression as _omni_channel_v1_Suppression, Suppression__Output as _omni_channel_v1_Suppression__Output } from './omni/channel/v1/Suppression';
import type { Template as _omni_channel_v1_Template, Template__Output as _omni_channel_v1_Template__Output } from './omni/channel/v1/Template';
import type { TemplateDiff as _omni_channel_v1_TemplateDiff, TemplateDiff__Output as _omni_channel_v1_TemplateDiff__Output } from './omni/channel/v1/TemplateDiff';
import type { TemplateReview as _omni_channel_v1_TemplateReview, TemplateReview__Output as _omni_channel_v1_TemplateReview__Output } from './omni/channel/v1/TemplateReview';
import type { TemplateReviewEntry as _omni_channel_v1_TemplateReviewEntry, TemplateReviewEntry__Output as _omni_channel_v1_TemplateReviewEntry__Output } from './omni/channel/v1/TemplateReviewEntry';
import type { TemplateReviewSettings as _omni_channel_v1_TemplateReviewSettings, TemplateReviewSettings__Output as _omni_channel_v1_TemplateReviewSettings__Output } from './omni/channel/v1/TemplateReviewSettings';
import type { TemplateSample as _omni_channel_v1_TemplateSample, TemplateSample__Output as _omni_channel_v1_TemplateSample__Output } from './omni/channel/v1/TemplateSample';
import type { TemplateVariant as _omni_channel_v1_TemplateVariant, TemplateVariant__Output as _omni_channel_v1_TemplateVariant__Output } from './omni/channel/v1/TemplateVariant';
import type { TemplateVariantDiff as _omni_channel_v1_TemplateVariantDiff, TemplateVariantDiff__Output as _omni_channel_v1_TemplateVariantDiff__Output } from './omni/channel/v1/TemplateVariantDiff';
import type { UpdateProviderConfigRequest as _omni_channel_v1_UpdateProviderConfigRequest, UpdateProviderConfigRequest__Output as _omni_channel_v1_UpdateProviderConfigRequest__Output } from './omni/channel/v1/UpdateProviderConfigRequest';
import type { UpdateProviderConfigResponse as _omni_channel_v1_UpdateProviderConfigResponse, UpdateProviderConfigResponse__Output as _omni_channel_v1_UpdateProviderConfigResponse__Output } from './omni/channel/v1/UpdateProviderConfigResponse';
import type { UpdateSendPolicyRequest as _omni_channel_v1_UpdateSendPolicyRequest, UpdateSendPolicyRequest__Output as _omni_channel_v1_UpdateSendPolicyRequest__Output } from './omni/channel/v1/UpdateSendPolicyRequest';
import type { UpdateSendPolicyResponse as _omni_channel_v1_UpdateSendPolicyResponse, UpdateSendPolicyResponse__Output as _omni_channel_v1_UpdateSendPolicyResponse__Output } from './omni/channel/v1/UpdateSendPolicyResponse';
import type { UpdateTemplateRequest as _omni_channel_v1_UpdateTemplateRequest, UpdateTemplateRequest__Output as _omni_channel_v1_UpdateTemplateRequest__Output } from './omni/channel/v1/UpdateTemplateRequest';
import type { UpdateTemplateResponse as _omni_channel_v1_UpdateTemplateResponse, UpdateTemplateResponse__Output as _omni_channel_v1_UpdateTemplateResponse__Output } from './omni/channel/v1/UpdateTemplateResponse';
import type { UpdateTemplateReviewSettingsRequest as _omni_channel_v1_UpdateTemplateReviewSettingsRequest, UpdateTemplateReviewSettingsRequest__Output as _omni_channel_v1_UpdateTemplateReviewSettingsRequest__Output } from './omni/channel/v1/UpdateTemplateReviewSettingsRequest';
import type { UpdateTemplateReviewSettingsResponse as _omni_channel_v1_UpdateTemplateReviewSettingsResponse, UpdateTemplateReviewSettingsResponse__Output as _omni_channel_v1_UpdateTemplateReviewSettingsResponse__Output } from './omni/channel/v1/UpdateTemplateReviewSettingsResponse';
import type { WatchDeliveriesRequest as _omni_channel_v1_WatchDeliveriesRequest, WatchDeliveriesRequest__Output as _omni_channel_v1_WatchDeliveriesRequest__Output } from './omni/channel/v1/WatchDeliveriesRequest';
import type { WatchDeliveriesResponse as _omni_channel_v1_WatchDeliveriesResponse, WatchDeliveriesResponse__Output as _omni_channel_v1_WatchDeliveriesResponse__Output } from './omni/channel/v1/WatchDeliveriesResponse';
import type { Event as _omni_common_v1_Event, Event__Output as _omni_common_v1_Event__Output } from './omni/common/v1/Event';
import type { Identifier as _omni_common_v1_Identifier, Identifier__Output as _omni_common_v1_Identifier__Output } from './omni/common/v1/Identifier';

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
    channel: {
      v1: {
        ApproveTemplateRequest: MessageTypeDefinition<_omni_channel_v1_ApproveTemplateRequest, _omni_channel_v1_ApproveTemplateRequest__Output>
        ApproveTemplateResponse: MessageTypeDefinition<_omni_channel_v1_ApproveTemplateResponse, _omni_channel_v1_ApproveTemplateResponse__Output>
        CapWindow: EnumTypeDefinition
        ChannelService: SubtypeConstructor<typeof grpc.Client, _omni_channel_v1_ChannelServiceClient> & { service: _omni_channel_v1_ChannelServiceDefinition }
        Coupon: MessageTypeDefinition<_omni_channel_v1_Coupon, _omni_channel_v1_Coupon__Output>
        CouponSpec: MessageTypeDefinition<_omni_channel_v1_CouponSpec, _omni_channel_v1_CouponSpec__Output>
        CouponState: EnumTypeDefinition
        CreateSuppressionRequest: MessageTypeDefinition<_omni_channel_v1_CreateSuppressionRequest, _omni_channel_v1_CreateSuppressionRequest__Output>
        CreateSuppressionResponse: MessageTypeDefinition<_omni_channel_v1_CreateSuppressionResponse, _omni_channel_v1_CreateSuppressionResponse__Output>
        CreateTemplateRequest: MessageTypeDefinition<_omni_channel_v1_CreateTemplateRequest, _omni_channel_v1_CreateTemplateRequest__Output>
        CreateTemplateResponse: MessageTypeDefinition<_omni_channel_v1_CreateTemplateResponse, _omni_channel_v1_CreateTemplateResponse__Output>
        DeferReason: EnumTypeDefinition
        DeleteSuppressionRequest: MessageTypeDefinition<_omni_channel_v1_DeleteSuppressionRequest, _omni_channel_v1_DeleteSuppressionRequest__Output>
        DeleteSuppressionResponse: MessageTypeDefinition<_omni_channel_v1_DeleteSuppressionResponse, _omni_channel_v1_DeleteSuppressionResponse__Output>
        DeliveryEvent: MessageTypeDefinition<_omni_channel_v1_DeliveryEvent, _omni_channel_v1_DeliveryEvent__Output>
        DeliveryEventType: EnumTypeDefinition
        FatigueCap: MessageTypeDefinition<_omni_channel_v1_FatigueCap, _omni_channel_v1_FatigueCap__Output>
        FrequencyRule: MessageTypeDefinition<_omni_channel_v1_FrequencyRule, _omni_channel_v1_FrequencyRule__Output>
        GetCouponRequest: MessageTypeDefinition<_omni_channel_v1_GetCouponRequest, _omni_channel_v1_GetCouponRequest__Output>
        GetCouponResponse: MessageTypeDefinition<_omni_channel_v1_GetCouponResponse, _omni_channel_v1_GetCouponResponse__Output>
        GetMessageRequest: MessageTypeDefinition<_omni_channel_v1_GetMessageRequest, _omni_channel_v1_GetMessageRequest__Output>
        GetMessageResponse: MessageTypeDefinition<_omni_channel_v1_GetMessageResponse, _omni_channel_v1_GetMessageResponse__Output>
        GetProviderConfigRequest: MessageTypeDefinition<_omni_channel_v1_GetProviderConfigRequest, _omni_channel_v1_GetProviderConfigRequest__Output>
        GetProviderConfigResponse: MessageTypeDefinition<_omni_channel_v1_GetProviderConfigResponse, _omni_channel_v1_GetProviderConfigResponse__Output>
        GetSendPolicyRequest: MessageTypeDefinition<_omni_channel_v1_GetSendPolicyRequest, _omni_channel_v1_GetSendPolicyRequest__Output>
        GetSendPolicyResponse: MessageTypeDefinition<_omni_channel_v1_GetSendPolicyResponse, _omni_channel_v1_GetSendPolicyResponse__Output>
        GetTemplateRequest: MessageTypeDefinition<_omni_channel_v1_GetTemplateRequest, _omni_channel_v1_GetTemplateRequest__Output>
        GetTemplateResponse: MessageTypeDefinition<_omni_channel_v1_GetTemplateResponse, _omni_channel_v1_GetTemplateResponse__Output>
        GetTemplateReviewRequest: MessageTypeDefinition<_omni_channel_v1_GetTemplateReviewRequest, _omni_channel_v1_GetTemplateReviewRequest__Output>
        GetTemplateReviewResponse: MessageTypeDefinition<_omni_channel_v1_GetTemplateReviewResponse, _omni_channel_v1_GetTemplateReviewResponse__Output>
        GetTemplateReviewSettingsRequest: MessageTypeDefinition<_omni_channel_v1_GetTemplateReviewSettingsRequest, _omni_channel_v1_GetTemplateReviewSettingsRequest__Output>
        GetTemplateReviewSettingsResponse: MessageTypeDefinition<_omni_channel_v1_GetTemplateReviewSettingsResponse, _omni_channel_v1_GetTemplateReviewSettingsResponse__Output>
        IssueCouponRequest: MessageTypeDefinition<_omni_channel_v1_IssueCouponRequest, _omni_channel_v1_IssueCouponRequest__Output>
        IssueCouponResponse: MessageTypeDefinition<_omni_channel_v1_IssueCouponResponse, _omni_channel_v1_IssueCouponResponse__Output>
        JourneyThrottle: MessageTypeDefinition<_omni_channel_v1_JourneyThrottle, _omni_channel_v1_JourneyThrottle__Output>
        ListMessagesRequest: MessageTypeDefinition<_omni_channel_v1_ListMessagesRequest, _omni_channel_v1_ListMessagesRequest__Output>
        ListMessagesResponse: MessageTypeDefinition<_omni_channel_v1_ListMessagesResponse, _omni_channel_v1_ListMessagesResponse__Output>
        ListProviderConfigsRequest: MessageTypeDefinition<_omni_channel_v1_ListProviderConfigsRequest, _omni_channel_v1_ListProviderConfigsRequest__Output>
        ListProviderConfigsResponse: MessageTypeDefinition<_omni_channel_v1_ListProviderConfigsResponse, _omni_channel_v1_ListProviderConfigsResponse__Output>
        ListSuppressionsRequest: MessageTypeDefinition<_omni_channel_v1_ListSuppressionsRequest, _omni_channel_v1_ListSuppressionsRequest__Output>
        ListSuppressionsResponse: MessageTypeDefinition<_omni_channel_v1_ListSuppressionsResponse, _omni_channel_v1_ListSuppressionsResponse__Output>
        ListTemplateReviewsRequest: MessageTypeDefinition<_omni_channel_v1_ListTemplateReviewsRequest, _omni_channel_v1_ListTemplateReviewsRequest__Output>
        ListTemplateReviewsResponse: MessageTypeDefinition<_omni_channel_v1_ListTemplateReviewsResponse, _omni_channel_v1_ListTemplateReviewsResponse__Output>
        Message: MessageTypeDefinition<_omni_channel_v1_Message, _omni_channel_v1_Message__Output>
        MessagePurpose: EnumTypeDefinition
        MessageStatus: EnumTypeDefinition
        NoSlotAction: EnumTypeDefinition
        PreviewTemplateRequest: MessageTypeDefinition<_omni_channel_v1_PreviewTemplateRequest, _omni_channel_v1_PreviewTemplateRequest__Output>
        PreviewTemplateResponse: MessageTypeDefinition<_omni_channel_v1_PreviewTemplateResponse, _omni_channel_v1_PreviewTemplateResponse__Output>
        ProviderConfig: MessageTypeDefinition<_omni_channel_v1_ProviderConfig, _omni_channel_v1_ProviderConfig__Output>
        ProviderKind: EnumTypeDefinition
        QuietHours: MessageTypeDefinition<_omni_channel_v1_QuietHours, _omni_channel_v1_QuietHours__Output>
        RedeemCouponRequest: MessageTypeDefinition<_omni_channel_v1_RedeemCouponRequest, _omni_channel_v1_RedeemCouponRequest__Output>
        RedeemCouponResponse: MessageTypeDefinition<_omni_channel_v1_RedeemCouponResponse, _omni_channel_v1_RedeemCouponResponse__Output>
        RejectTemplateRequest: MessageTypeDefinition<_omni_channel_v1_RejectTemplateRequest, _omni_channel_v1_RejectTemplateRequest__Output>
        RejectTemplateResponse: MessageTypeDefinition<_omni_channel_v1_RejectTemplateResponse, _omni_channel_v1_RejectTemplateResponse__Output>
        RenderedOffer: MessageTypeDefinition<_omni_channel_v1_RenderedOffer, _omni_channel_v1_RenderedOffer__Output>
        SendPolicy: MessageTypeDefinition<_omni_channel_v1_SendPolicy, _omni_channel_v1_SendPolicy__Output>
        SendRequest: MessageTypeDefinition<_omni_channel_v1_SendRequest, _omni_channel_v1_SendRequest__Output>
        SendResponse: MessageTypeDefinition<_omni_channel_v1_SendResponse, _omni_channel_v1_SendResponse__Output>
        SmsEncoding: EnumTypeDefinition
        SmsPrice: MessageTypeDefinition<_omni_channel_v1_SmsPrice, _omni_channel_v1_SmsPrice__Output>
        SubmitTemplateForReviewRequest: MessageTypeDefinition<_omni_channel_v1_SubmitTemplateForReviewRequest, _omni_channel_v1_SubmitTemplateForReviewRequest__Output>
        SubmitTemplateForReviewResponse: MessageTypeDefinition<_omni_channel_v1_SubmitTemplateForReviewResponse, _omni_channel_v1_SubmitTemplateForReviewResponse__Output>
        Suppression: MessageTypeDefinition<_omni_channel_v1_Suppression, _omni_channel_v1_Suppression__Output>
        SuppressionListReason: EnumTypeDefinition
        SuppressionReason: EnumTypeDefinition
        Template: MessageTypeDefinition<_omni_channel_v1_Template, _omni_channel_v1_Template__Output>
        TemplateDiff: MessageTypeDefinition<_omni_channel_v1_TemplateDiff, _omni_channel_v1_TemplateDiff__Output>
        TemplateReview: MessageTypeDefinition<_omni_channel_v1_TemplateReview, _omni_channel_v1_TemplateReview__Output>
        TemplateReviewEntry: MessageTypeDefinition<_omni_channel_v1_TemplateReviewEntry, _omni_channel_v1_TemplateReviewEntry__Output>
        TemplateReviewSettings: MessageTypeDefinition<_omni_channel_v1_TemplateReviewSettings, _omni_channel_v1_TemplateReviewSettings__Output>
        TemplateReviewState: EnumTypeDefinition
        TemplateSample: MessageTypeDefinition<_omni_channel_v1_TemplateSample, _omni_channel_v1_TemplateSample__Output>
        TemplateVariant: MessageTypeDefinition<_omni_channel_v1_TemplateVariant, _omni_channel_v1_TemplateVariant__Output>
        TemplateVariantChange: EnumTypeDefinition
        TemplateVariantDiff: MessageTypeDefinition<_omni_channel_v1_TemplateVariantDiff, _omni_channel_v1_TemplateVariantDiff__Output>
        UpdateProviderConfigRequest: MessageTypeDefinition<_omni_channel_v1_UpdateProviderConfigRequest, _omni_channel_v1_UpdateProviderConfigRequest__Output>
        UpdateProviderConfigResponse: MessageTypeDefinition<_omni_channel_v1_UpdateProviderConfigResponse, _omni_channel_v1_UpdateProviderConfigResponse__Output>
        UpdateSendPolicyRequest: MessageTypeDefinition<_omni_channel_v1_UpdateSendPolicyRequest, _omni_channel_v1_UpdateSendPolicyRequest__Output>
        UpdateSendPolicyResponse: MessageTypeDefinition<_omni_channel_v1_UpdateSendPolicyResponse, _omni_channel_v1_UpdateSendPolicyResponse__Output>
        UpdateTemplateRequest: MessageTypeDefinition<_omni_channel_v1_UpdateTemplateRequest, _omni_channel_v1_UpdateTemplateRequest__Output>
        UpdateTemplateResponse: MessageTypeDefinition<_omni_channel_v1_UpdateTemplateResponse, _omni_channel_v1_UpdateTemplateResponse__Output>
        UpdateTemplateReviewSettingsRequest: MessageTypeDefinition<_omni_channel_v1_UpdateTemplateReviewSettingsRequest, _omni_channel_v1_UpdateTemplateReviewSettingsRequest__Output>
        UpdateTemplateReviewSettingsResponse: MessageTypeDefinition<_omni_channel_v1_UpdateTemplateReviewSettingsResponse, _omni_channel_v1_UpdateTemplateReviewSettingsResponse__Output>
        WatchDeliveriesRequest: MessageTypeDefinition<_omni_channel_v1_WatchDeliveriesRequest, _omni_channel_v1_WatchDeliveriesRequest__Output>
        WatchDeliveriesResponse: MessageTypeDefinition<_omni_channel_v1_WatchDeliveriesResponse, _omni_channel_v1_WatchDeliveriesResponse__Output>
      }
    }
    common: {
      v1: {
        DeliveryChannel: EnumTypeDefinition
        Event: MessageTypeDefinition<_omni_common_v1_Event, _omni_common_v1_Event__Output>
        Identifier: MessageTypeDefinition<_omni_common_v1_Identifier, _omni_common_v1_Identifier__Output>
        IdentifierType: EnumTypeDefinition
        SourceChannel: EnumTypeDefinition
      }
    }
  }
}

