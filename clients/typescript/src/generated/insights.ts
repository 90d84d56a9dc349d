import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from './google/protobuf/Duration';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Alert as _omni_insights_v1_Alert, Alert__Output as _omni_insights_v1_Alert__Output } from './omni/insights/v1/Alert';
import type { ArmOutcome as _omni_insights_v1_ArmOutcome, ArmOutcome__Output as _omni_insights_v1_ArmOutcome__Output } from './omni/insights/v1/ArmOutcome';
import type { AttributionRow as _omni_insights_v1_AttributionRow, AttributionRow__Output as _omni_insights_v1_AttributionRow__Output } from './omni/insights/v1/AttributionRow';
import type { Cohort as _omni_insights_v1_Cohort, Cohort__Output as _omni_insights_v1_Cohort__Output } from './omni/insights/v1/Cohort';
import type { Credit as _omni_insights_v1_Credit, Credit__Output as _omni_insights_v1_Credit__Output } from './omni/insights/v1/Credit';
import type { CustomerKpiRow as _omni_insights_v1_CustomerKpiRow, CustomerKpiRow__Output as _omni_insights_v1_CustomerKpiRow__Output } from './omni/insights/v1/CustomerKpiRow';
import type { CustomerKpis as _omni_insights_v1_CustomerKpis, CustomerKpis__Output as _omni_insights_v1_CustomerKpis__Output } from './omni/insights/v1/CustomerKpis';
import type { CustomerValue as _omni_insights_v1_CustomerValue, CustomerValue__Output as _omni_insights_v1_CustomerValue__Output } from './omni/insights/v1/CustomerValue';
import type { ExportReportRequest as _omni_insights_v1_ExportReportRequest, ExportReportRequest__Output as _omni_insights_v1_ExportReportRequest__Output } from './omni/insights/v1/ExportReportRequest';
import type { ExportReportResponse as _omni_insights_v1_ExportReportResponse, ExportReportResponse__Output as _omni_insights_v1_ExportReportResponse__Output } from './omni/insights/v1/ExportReportResponse';
import type { Funnel as _omni_insights_v1_Funnel, Funnel__Output as _omni_insights_v1_Funnel__Output } from './omni/insights/v1/Funnel';
import type { FunnelStep as _omni_insights_v1_FunnelStep, FunnelStep__Output as _omni_insights_v1_FunnelStep__Output } from './omni/insights/v1/FunnelStep';
import type { GetAttributionRequest as _omni_insights_v1_GetAttributionRequest, GetAttributionRequest__Output as _omni_insights_v1_GetAttributionRequest__Output } from './omni/insights/v1/GetAttributionRequest';
import type { GetAttributionResponse as _omni_insights_v1_GetAttributionResponse, GetAttributionResponse__Output as _omni_insights_v1_GetAttributionResponse__Output } from './omni/insights/v1/GetAttributionResponse';
import type { GetCohortsRequest as _omni_insights_v1_GetCohortsRequest, GetCohortsRequest__Output as _omni_insights_v1_GetCohortsRequest__Output } from './omni/insights/v1/GetCohortsRequest';
import type { GetCohortsResponse as _omni_insights_v1_GetCohortsResponse, GetCohortsResponse__Output as _omni_insights_v1_GetCohortsResponse__Output } from './omni/insights/v1/GetCohortsResponse';
import type { GetCustomerValueRequest as _omni_insights_v1_GetCustomerValueRequest, GetCustomerValueRequest__Output as _omni_insights_v1_GetCustomerValueRequest__Output } from './omni/insights/v1/GetCustomerValueRequest';
import type { GetCustomerValueResponse as _omni_insights_v1_GetCustomerValueResponse, GetCustomerValueResponse__Output as _omni_insights_v1_GetCustomerValueResponse__Output } from './omni/insights/v1/GetCustomerValueResponse';
import type { GetFunnelRequest as _omni_insights_v1_GetFunnelRequest, GetFunnelRequest__Output as _omni_insights_v1_GetFunnelRequest__Output } from './omni/insights/v1/GetFunnelRequest';
import type { GetFunnelResponse as _omni_insights_v1_GetFunnelResponse, GetFunnelResponse__Output as _omni_insights_v1_GetFunnelResponse__Output } from './omni/insights/v1/GetFunnelResponse';
import type { GetIncrementalityRequest as _omni_insights_v1_GetIncrementalityRequest, GetIncrementalityRequest__Output as _omni_insights_v1_GetIncrementalityRequest__Output } from './omni/insights/v1/GetIncrementalityRequest';
import type { GetIncrementalityResponse as _omni_insights_v1_GetIncrementalityResponse, GetIncrementalityResponse__Output as _omni_insights_v1_GetIncrementalityResponse__Output } from './omni/insights/v1/GetIncrementalityResponse';
import type { GetKpisRequest as _omni_insights_v1_GetKpisRequest, GetKpisRequest__Output as _omni_insights_v1_GetKpisRequest__Output } from './omni/insights/v1/GetKpisRequest';
import type { GetKpisResponse as _omni_insights_v1_GetKpisResponse, GetKpisResponse__Output as _omni_insights_v1_GetKpisResponse__Output } from './omni/insights/v1/GetKpisResponse';
import type { InsightsServiceClient as _omni_insights_v1_InsightsServiceClient, InsightsServiceDefinition as _omni_insights_v1_InsightsServiceDefinition } from './omni/insights/v1/InsightsService';
import type { KpiFilter as _omni_insights_v1_KpiFilter, KpiFilter__Output as _omni_insights_v1_KpiFilter__Output } from './omni/insights/v1/KpiFilter';
import type { KpiRow as _omni_insights_v1_KpiRow, KpiRow__Output as _omni_insights_v1_KpiRow__Output } from './omni/insights/v1/KpiRow';
import type { Kpis as _omni_insights_v1_Kpis, Kpis__Output as _omni_insights_v1_Kpis__Output } from './omni/insights/v1/Kpis';
import type { ListAlertsRequest as _omni_insights_v1_ListAlertsRequest, ListAlertsRequest__Output as _omni_insights_v1_ListAlertsRequest__Output } from './omni/insights/v1/ListAlertsRequest';
import type { ListAlertsResponse as _omni_insights_v1_ListAlertsResponse, ListAlertsResponse__Output as _omni_insights_v1_ListAlertsResponse__Output } from './omni/insights/v1/ListAlertsResponse';
import type { SetCampaignSpendRequest as _omni_insights_v1_SetCampaignSpendRequest, SetCampaignSpendRequest__Output as _omni_insights_v1_SetCampaignSpendRequest__Output } from './omni/insights/v1/SetCampaignSpendRequest';
import type { SetCampaignSpendResponse as _omni_insights_v1_SetCampaignSpendResponse, SetCampaignSpendResponse__Output as _omni_insights_v1_SetCampaignSpendResponse__Output } from './omni/insights/v1/SetCampaignSpendResponse';
import type { SetChannelCostRequest as _omni_insights_v1_SetChannelCostRequest, SetChannelCostRequest__Output as _omni_insights_v1_SetChannelCostRequest__Output } from './omni/insights/v1/SetChannelCostRequest';
import type { SetChannelCostResponse as _omni_insights_v1_SetChannelCostResponse, SetChannelCostResponse__Output as _omni_insights_v1_SetChannelCostResponse__Output } from './omni/insights/v1/SetChannelCostResponse';
import type { TimeRange as _omni_insights_v1_TimeRange, TimeRange__Output as _omni_insights_v1_TimeRange__Output } from './omni/insights/v1/TimeRange';
import type { Uplift as _omni_insights_v1_Uplift, Uplift__Output as _omni_insights_v1_Uplift__Output } from './omni/insights/v1/Uplift';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Duration: MessageTypeDefinition<_google_protobuf_Duration, _google_protobuf_Duration__Output>
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  omni: {
    insights: {
      v1: {
        Alert: MessageTypeDefinition<_omni_insights_v1_Alert, _omni_insights_v1_Alert__Output>
        ArmOutcome: MessageTypeDefinition<_omni_insights_v1_ArmOutcome, _omni_insights_v1_ArmOutcome__Output>
        AttributionRow: MessageTypeDefinition<_omni_insights_v1_AttributionRow, _omni_insights_v1_AttributionRow__Output>
        Cohort: MessageTypeDefinition<_omni_insights_v1_Cohort, _omni_insights_v1_Cohort__Output>
        Credit: MessageTypeDefinition<_omni_insights_v1_Credit, _omni_insights_v1_Credit__Output>
        CustomerKpiRow: MessageTypeDefinition<_omni_insights_v1_CustomerKpiRow, _omni_insights_v1_CustomerKpiRow__Output>
        CustomerKpis: MessageTypeDefinition<_omni_insights_v1_CustomerKpis, _omni_insights_v1_CustomerKpis__Output>
        CustomerValue: MessageTypeDefinition<_omni_insights_v1_CustomerValue, _omni_insights_v1_CustomerValue__Output>
        Dimension: EnumTypeDefinition
        ExportReportRequest: MessageTypeDefinition<_omni_insights_v1_ExportReportRequest, _omni_insights_v1_ExportReportRequest__Output>
        ExportReportResponse: MessageTypeDefinition<_omni_insights_v1_ExportReportResponse, _omni_insights_v1_ExportReportResponse__Output>
        Funnel: MessageTypeDefinition<_omni_insights_v1_Funnel, _omni_insights_v1_Funnel__Output>
        FunnelBreakdown: EnumTypeDefinition
        FunnelStep: MessageTypeDefinition<_omni_insights_v1_FunnelStep, _omni_insights_v1_FunnelStep__Output>
        GetAttributionRequest: MessageTypeDefinition<_omni_insights_v1_GetAttributionRequest, _omni_insights_v1_GetAttributionRequest__Output>
        GetAttributionResponse: MessageTypeDefinition<_omni_insights_v1_GetAttributionResponse, _omni_insights_v1_GetAttributionResponse__Output>
        GetCohortsRequest: MessageTypeDefinition<_omni_insights_v1_GetCohortsRequest, _omni_insights_v1_GetCohortsRequest__Output>
        GetCohortsResponse: MessageTypeDefinition<_omni_insights_v1_GetCohortsResponse, _omni_insights_v1_GetCohortsResponse__Output>
        GetCustomerValueRequest: MessageTypeDefinition<_omni_insights_v1_GetCustomerValueRequest, _omni_insights_v1_GetCustomerValueRequest__Output>
        GetCustomerValueResponse: MessageTypeDefinition<_omni_insights_v1_GetCustomerValueResponse, _omni_insights_v1_GetCustomerValueResponse__Output>
        GetFunnelRequest: MessageTypeDefinition<_omni_insights_v1_GetFunnelRequest, _omni_insights_v1_GetFunnelRequest__Output>
        GetFunnelResponse: MessageTypeDefinition<_omni_insights_v1_GetFunnelResponse, _omni_insights_v1_GetFunnelResponse__Output>
        GetIncrementalityRequest: MessageTypeDefinition<_omni_insights_v1_GetIncrementalityRequest, _omni_insights_v1_GetIncrementalityRequest__Output>
        GetIncrementalityResponse: MessageTypeDefinition<_omni_insights_v1_GetIncrementalityResponse, _omni_insights_v1_GetIncrementalityResponse__Output>
        GetKpisRequest: MessageTypeDefinition<_omni_insights_v1_GetKpisRequest, _omni_insights_v1_GetKpisRequest__Output>
        GetKpisResponse: MessageTypeDefinition<_omni_insights_v1_GetKpisResponse, _omni_insights_v1_GetKpisResponse__Output>
        Granularity: EnumTypeDefinition
        InsightsService: SubtypeConstructor<typeof grpc.Client, _omni_insights_v1_InsightsServiceClient> & { service: _omni_insights_v1_InsightsServiceDefinition }
        KpiFilter: MessageTypeDefinition<_omni_insights_v1_KpiFilter, _omni_insights_v1_KpiFilter__Output>
        KpiRow: MessageTypeDefinition<_omni_insights_v1_KpiRow, _omni_insights_v1_KpiRow__Output>
        Kpis: MessageTypeDefinition<_omni_insights_v1_Kpis, _omni_insights_v1_Kpis__Output>
        ListAlertsRequest: MessageTypeDefinition<_omni_insights_v1_ListAlertsRequest, _omni_insights_v1_ListAlertsRequest__Output>
        ListAlertsResponse: MessageTypeDefinition<_omni_insights_v1_ListAlertsResponse, _omni_insights_v1_ListAlertsResponse__Output>
        ReportKind: EnumTypeDefinition
        SetCampaignSpendRequest: MessageTypeDefinition<_omni_insights_v1_SetCampaignSpendRequest, _omni_insights_v1_SetCampaignSpendRequest__Output>
        SetCampaignSpendResponse: MessageTypeDefinition<_omni_insights_v1_SetCampaignSpendResponse, _omni_insights_v1_SetCampaignSpendResponse__Output>
        SetChannelCostRequest: MessageTypeDefinition<_omni_insights_v1_SetChannelCostRequest, _omni_insights_v1_SetChannelCostRequest__Output>
        SetChannelCostResponse: MessageTypeDefinition<_omni_insights_v1_SetChannelCostResponse, _omni_insights_v1_SetChannelCostResponse__Output>
        TimeRange: MessageTypeDefinition<_omni_insights_v1_TimeRange, _omni_insights_v1_TimeRange__Output>
        Uplift: MessageTypeDefinition<_omni_insights_v1_Uplift, _omni_insights_v1_Uplift__Output>
        ValueGrouping: EnumTypeDefinition
      }
    }
  }
}

