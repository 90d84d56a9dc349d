// Original file: omni/insights/v1/insights.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ExportReportRequest as _omni_insights_v1_ExportReportRequest, ExportReportRequest__Output as _omni_insights_v1_ExportReportRequest__Output } from '../../../omni/insights/v1/ExportReportRequest';
import type { ExportReportResponse as _omni_insights_v1_ExportReportResponse, ExportReportResponse__Output as _omni_insights_v1_ExportReportResponse__Output } from '../../../omni/insights/v1/ExportReportResponse';
import type { GetAttributionRequest as _omni_insights_v1_GetAttributionRequest, GetAttributionRequest__Output as _omni_insights_v1_GetAttributionRequest__Output } from '../../../omni/insights/v1/GetAttributionRequest';
import type { GetAttributionResponse as _omni_insights_v1_GetAttributionResponse, GetAttributionResponse__Output as _omni_insights_v1_GetAttributionResponse__Output } from '../../../omni/insights/v1/GetAttributionResponse';
import type { GetCohortsRequest as _omni_insights_v1_GetCohortsRequest, GetCohortsRequest__Output as _omni_insights_v1_GetCohortsRequest__Output } from '../../../omni/insights/v1/GetCohortsRequest';
import type { GetCohortsResponse as _omni_insights_v1_GetCohortsResponse, GetCohortsResponse__Output as _omni_insights_v1_GetCohortsResponse__Output } from '../../../omni/insights/v1/GetCohortsResponse';
import type { GetCustomerValueRequest as _omni_insights_v1_GetCustomerValueRequest, GetCustomerValueRequest__Output as _omni_insights_v1_GetCustomerValueRequest__Output } from '../../../omni/insights/v1/GetCustomerValueRequest';
import type { GetCustomerValueResponse as _omni_insights_v1_GetCustomerValueResponse, GetCustomerValueResponse__Output as _omni_insights_v1_GetCustomerValueResponse__Output } from '../../../omni/insights/v1/GetCustomerValueResponse';
import type { GetFunnelRequest as _omni_insights_v1_GetFunnelRequest, GetFunnelRequest__Output as _omni_insights_v1_GetFunnelRequest__Output } from '../../../omni/insights/v1/GetFunnelRequest';
import type { GetFunnelResponse as _omni_insights_v1_GetFunnelResponse, GetFunnelResponse__Output as _omni_insights_v1_GetFunnelResponse__Output } from '../../../omni/insights/v1/GetFunnelResponse';
import type { GetIncrementalityRequest as _omni_insights_v1_GetIncrementalityRequest, GetIncrementalityRequest__Output as _omni_insights_v1_GetIncrementalityRequest__Output } from '../../../omni/insights/v1/GetIncrementalityRequest';
import type { GetIncrementalityResponse as _omni_insights_v1_GetIncrementalityResponse, GetIncrementalityResponse__Output as _omni_insights_v1_GetIncrementalityResponse__Output } from '../../../omni/insights/v1/GetIncrementalityResponse';
import type { GetKpisRequest as _omni_insights_v1_GetKpisRequest, GetKpisRequest__Output as _omni_insights_v1_GetKpisRequest__Output } from '../../../omni/insights/v1/GetKpisRequest';
import type { GetKpisResponse as _omni_insights_v1_GetKpisResponse, GetKpisResponse__Output as _omni_insights_v1_GetKpisResponse__Output } from '../../../omni/insights/v1/GetKpisResponse';
import type { ListAlertsRequest as _omni_insights_v1_ListAlertsRequest, ListAlertsRequest__Output as _omni_insights_v1_ListAlertsRequest__Output } from '../../../omni/insights/v1/ListAlertsRequest';
import type { ListAlertsResponse as _omni_insights_v1_ListAlertsResponse, ListAlertsResponse__Output as _omni_insights_v1_ListAlertsResponse__Output } from '../../../omni/insights/v1/ListAlertsResponse';
import type { SetCampaignSpendRequest as _omni_insights_v1_SetCampaignSpendRequest, SetCampaignSpendRequest__Output as _omni_insights_v1_SetCampaignSpendRequest__Output } from '../../../omni/insights/v1/SetCampaignSpendRequest';
import type { SetCampaignSpendResponse as _omni_insights_v1_SetCampaignSpendResponse, SetCampaignSpendResponse__Output as _omni_insights_v1_SetCampaignSpendResponse__Output } from '../../../omni/insights/v1/SetCampaignSpendResponse';
import type { SetChannelCostRequest as _omni_insights_v1_SetChannelCostRequest, SetChannelCostRequest__Output as _omni_insights_v1_SetChannelCostRequest__Output } from '../../../omni/insights/v1/SetChannelCostRequest';
import type { SetChannelCostResponse as _omni_insights_v1_SetChannelCostResponse, SetChannelCostResponse__Output as _omni_insights_v1_SetChannelCostResponse__Output } from '../../../omni/insights/v1/SetChannelCostResponse';

export interface InsightsServiceClient extends grpc.Client {
  ExportReport(argument: _omni_insights_v1_ExportReportRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_insights_v1_ExportReportResponse__Output>;
  ExportReport(argument: _omni_insights_v1_ExportReportRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_insights_v1_ExportReportResponse__Output>;
  exportReport(argument: _omni_insights_v1_ExportReportRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_insights_v1_ExportReportResponse__Output>;
  exportReport(argument: _omni_insights_v1_ExportReportRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_omni_insights_v1_ExportReportResponse__Output>;
  
  GetAttribution(argument: _omni_insights_v1_GetAttributionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetAttributionResponse__Output>): grpc.ClientUnaryCall;
  GetAttribution(argument: _omni_insights_v1_GetAttributionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_GetAttributionResponse__Output>): grpc.ClientUnaryCall;
  GetAttribution(argument: _omni_insights_v1_GetAttributionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetAttributionResponse__Output>): grpc.ClientUnaryCall;
  GetAttribution(argument: _omni_insights_v1_GetAttributionRequest, callback: grpc.requestCallback<_omni_insights_v1_GetAttributionResponse__Output>): grpc.ClientUnaryCall;
  getAttribution(argument: _omni_insights_v1_GetAttributionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetAttributionResponse__Output>): grpc.ClientUnaryCall;
  getAttribution(argument: _omni_insights_v1_GetAttributionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_GetAttributionResponse__Output>): grpc.ClientUnaryCall;
  getAttribution(argument: _omni_insights_v1_GetAttributionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetAttributionResponse__Output>): grpc.ClientUnaryCall;
  getAttribution(argument: _omni_insights_v1_GetAttributionRequest, callback: grpc.requestCallback<_omni_insights_v1_GetAttributionResponse__Output>): grpc.ClientUnaryCall;
  
  GetCohorts(argument: _omni_insights_v1_GetCohortsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetCohortsResponse__Output>): grpc.ClientUnaryCall;
  GetCohorts(argument: _omni_insights_v1_GetCohortsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_GetCohortsResponse__Output>): grpc.ClientUnaryCall;
  GetCohorts(argument: _omni_insights_v1_GetCohortsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetCohortsResponse__Output>): grpc.ClientUnaryCall;
  GetCohorts(argument: _omni_insights_v1_GetCohortsRequest, callback: grpc.requestCallback<_omni_insights_v1_GetCohortsResponse__Output>): grpc.ClientUnaryCall;
  getCohorts(argument: _omni_insights_v1_GetCohortsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetCohortsResponse__Output>): grpc.ClientUnaryCall;
  getCohorts(argument: _omni_insights_v1_GetCohortsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_GetCohortsResponse__Output>): grpc.ClientUnaryCall;
  getCohorts(argument: _omni_insights_v1_GetCohortsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetCohortsResponse__Output>): grpc.ClientUnaryCall;
  getCohorts(argument: _omni_insights_v1_GetCohortsRequest, callback: grpc.requestCallback<_omni_insights_v1_GetCohortsResponse__Output>): grpc.ClientUnaryCall;
  
  GetCustomerValue(argument: _omni_insights_v1_GetCustomerValueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetCustomerValueResponse__Output>): grpc.ClientUnaryCall;
  GetCustomerValue(argument: _omni_insights_v1_GetCustomerValueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_GetCustomerValueResponse__Output>): grpc.ClientUnaryCall;
  GetCustomerValue(argument: _omni_insights_v1_GetCustomerValueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetCustomerValueResponse__Output>): grpc.ClientUnaryCall;
  GetCustomerValue(argument: _omni_insights_v1_GetCustomerValueRequest, callback: grpc.requestCallback<_omni_insights_v1_GetCustomerValueResponse__Output>): grpc.ClientUnaryCall;
  getCustomerValue(argument: _omni_insights_v1_GetCustomerValueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetCustomerValueResponse__Output>): grpc.ClientUnaryCall;
  getCustomerValue(argument: _omni_insights_v1_GetCustomerValueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_GetCustomerValueResponse__Output>): grpc.ClientUnaryCall;
  getCustomerValue(argument: _omni_insights_v1_GetCustomerValueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetCustomerValueResponse__Output>): grpc.ClientUnaryCall;
  getCustomerValue(argument: _omni_insights_v1_GetCustomerValueRequest, callback: grpc.requestCallback<_omni_insights_v1_GetCustomerValueResponse__Output>): grpc.ClientUnaryCall;
  
  GetFunnel(argument: _omni_insights_v1_GetFunnelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetFunnelResponse__Output>): grpc.ClientUnaryCall;
  GetFunnel(argument: _omni_insights_v1_GetFunnelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_GetFunnelResponse__Output>): grpc.ClientUnaryCall;
  GetFunnel(argument: _omni_insights_v1_GetFunnelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetFunnelResponse__Output>): grpc.ClientUnaryCall;
  GetFunnel(argument: _omni_insights_v1_GetFunnelRequest, callback: grpc.requestCallback<_omni_insights_v1_GetFunnelResponse__Output>): grpc.ClientUnaryCall;
  getFunnel(argument: _omni_insights_v1_GetFunnelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetFunnelResponse__Output>): grpc.ClientUnaryCall;
  getFunnel(argument: _omni_insights_v1_GetFunnelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_GetFunnelResponse__Output>): grpc.ClientUnaryCall;
  getFunnel(argument: _omni_insights_v1_GetFunnelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetFunnelResponse__Output>): grpc.ClientUnaryCall;
  getFunnel(argument: _omni_insights_v1_GetFunnelRequest, callback: grpc.requestCallback<_omni_insights_v1_GetFunnelResponse__Output>): grpc.ClientUnaryCall;
  
  GetIncrementality(argument: _omni_insights_v1_GetIncrementalityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetIncrementalityResponse__Output>): grpc.ClientUnaryCall;
  GetIncrementality(argument: _omni_insights_v1_GetIncrementalityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_GetIncrementalityResponse__Output>): grpc.ClientUnaryCall;
  GetIncrementality(argument: _omni_insights_v1_GetIncrementalityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetIncrementalityResponse__Output>): grpc.ClientUnaryCall;
  GetIncrementality(argument: _omni_insights_v1_GetIncrementalityRequest, callback: grpc.requestCallback<_omni_insights_v1_GetIncrementalityResponse__Output>): grpc.ClientUnaryCall;
  getIncrementality(argument: _omni_insights_v1_GetIncrementalityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetIncrementalityResponse__Output>): grpc.ClientUnaryCall;
  getIncrementality(argument: _omni_insights_v1_GetIncrementalityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_GetIncrementalityResponse__Output>): grpc.ClientUnaryCall;
  getIncrementality(argument: _omni_insights_v1_GetIncrementalityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetIncrementalityResponse__Output>): grpc.ClientUnaryCall;
  getIncrementality(argument: _omni_insights_v1_GetIncrementalityRequest, callback: grpc.requestCallback<_omni_insights_v1_GetIncrementalityResponse__Output>): grpc.ClientUnaryCall;
  
  GetKpis(argument: _omni_insights_v1_GetKpisRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetKpisResponse__Output>): grpc.ClientUnaryCall;
  GetKpis(argument: _omni_insights_v1_GetKpisRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_GetKpisResponse__Output>): grpc.ClientUnaryCall;
  GetKpis(argument: _omni_insights_v1_GetKpisRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetKpisResponse__Output>): grpc.ClientUnaryCall;
  GetKpis(argument: _omni_insights_v1_GetKpisRequest, callback: grpc.requestCallback<_omni_insights_v1_GetKpisResponse__Output>): grpc.ClientUnaryCall;
  getKpis(argument: _omni_insights_v1_GetKpisRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetKpisResponse__Output>): grpc.ClientUnaryCall;
  getKpis(argument: _omni_insights_v1_GetKpisRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_GetKpisResponse__Output>): grpc.ClientUnaryCall;
  getKpis(argument: _omni_insights_v1_GetKpisRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_GetKpisResponse__Output>): grpc.ClientUnaryCall;
  getKpis(argument: _omni_insights_v1_GetKpisRequest, callback: grpc.requestCallback<_omni_insights_v1_GetKpisResponse__Output>): grpc.ClientUnaryCall;
  
  ListAlerts(argument: _omni_insights_v1_ListAlertsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_ListAlertsResponse__Output>): grpc.ClientUnaryCall;
  ListAlerts(argument: _omni_insights_v1_ListAlertsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_ListAlertsResponse__Output>): grpc.ClientUnaryCall;
  ListAlerts(argument: _omni_insights_v1_ListAlertsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_ListAlertsResponse__Output>): grpc.ClientUnaryCall;
  ListAlerts(argument: _omni_insights_v1_ListAlertsRequest, callback: grpc.requestCallback<_omni_insights_v1_ListAlertsResponse__Output>): grpc.ClientUnaryCall;
  listAlerts(argument: _omni_insights_v1_ListAlertsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_ListAlertsResponse__Output>): grpc.ClientUnaryCall;
  listAlerts(argument: _omni_insights_v1_ListAlertsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_ListAlertsResponse__Output>): grpc.ClientUnaryCall;
  listAlerts(argument: _omni_insights_v1_ListAlertsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_ListAlertsResponse__Output>): grpc.ClientUnaryCall;
  listAlerts(argument: _omni_insights_v1_ListAlertsRequest, callback: grpc.requestCallback<_omni_insights_v1_ListAlertsResponse__Output>): grpc.ClientUnaryCall;
  
  SetCampaignSpend(argument: _omni_insights_v1_SetCampaignSpendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_SetCampaignSpendResponse__Output>): grpc.ClientUnaryCall;
  SetCampaignSpend(argument: _omni_insights_v1_SetCampaignSpendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_SetCampaignSpendResponse__Output>): grpc.ClientUnaryCall;
  SetCampaignSpend(argument: _omni_insights_v1_SetCampaignSpendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_SetCampaignSpendResponse__Output>): grpc.ClientUnaryCall;
  SetCampaignSpend(argument: _omni_insights_v1_SetCampaignSpendRequest, callback: grpc.requestCallback<_omni_insights_v1_SetCampaignSpendResponse__Output>): grpc.ClientUnaryCall;
  setCampaignSpend(argument: _omni_insights_v1_SetCampaignSpendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_SetCampaignSpendResponse__Output>): grpc.ClientUnaryCall;
  setCampaignSpend(argument: _omni_insights_v1_SetCampaignSpendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_SetCampaignSpendResponse__Output>): grpc.ClientUnaryCall;
  setCampaignSpend(argument: _omni_insights_v1_SetCampaignSpendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_SetCampaignSpendResponse__Output>): grpc.ClientUnaryCall;
  setCampaignSpend(argument: _omni_insights_v1_SetCampaignSpendRequest, callback: grpc.requestCallback<_omni_insights_v1_SetCampaignSpendResponse__Output>): grpc.ClientUnaryCall;
  
  SetChannelCost(argument: _omni_insights_v1_SetChannelCostRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_SetChannelCostResponse__Output>): grpc.ClientUnaryCall;
  SetChannelCost(argument: _omni_insights_v1_SetChannelCostRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_SetChannelCostResponse__Output>): grpc.ClientUnaryCall;
  SetChannelCost(argument: _omni_insights_v1_SetChannelCostRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_SetChannelCostResponse__Output>): grpc.ClientUnaryCall;
  SetChannelCost(argument: _omni_insights_v1_SetChannelCostRequest, callback: grpc.requestCallback<_omni_insights_v1_SetChannelCostResponse__Output>): grpc.ClientUnaryCall;
  setChannelCost(argument: _omni_insights_v1_SetChannelCostRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_SetChannelCostResponse__Output>): grpc.ClientUnaryCall;
  setChannelCost(argument: _omni_insights_v1_SetChannelCostRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_omni_insights_v1_SetChannelCostResponse__Output>): grpc.ClientUnaryCall;
  setChannelCost(argument: _omni_insights_v1_SetChannelCostRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_omni_insights_v1_SetChannelCostResponse__Output>): grpc.ClientUnaryCall;
  setChannelCost(argument: _omni_insights_v1_SetChannelCostRequest, callback: grpc.requestCallback<_omni_insights_v1_SetChannelCostResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface InsightsServiceHandlers extends grpc.UntypedServiceImplementation {
  ExportReport: grpc.handleServerStreamingCall<_omni_insights_v1_ExportReportRequest__Output, _omni_insights_v1_ExportReportResponse>;
  
  GetAttribution: grpc.handleUnaryCall<_omni_insights_v1_GetAttributionRequest__Output, _omni_insights_v1_GetAttributionResponse>;
  
  GetCohorts: grpc.handleUnaryCall<_omni_insights_v1_GetCohortsRequest__Output, _omni_insights_v1_GetCohortsResponse>;
  
  GetCustomerValue: grpc.handleUnaryCall<_omni_insights_v1_GetCustomerValueRequest__Output, _omni_insights_v1_GetCustomerValueResponse>;
  
  GetFunnel: grpc.handleUnaryCall<_omni_insights_v1_GetFunnelRequest__Output, _omni_insights_v1_GetFunnelResponse>;
  
  GetIncrementality: grpc.handleUnaryCall<_omni_insights_v1_GetIncrementalityRequest__Output, _omni_insights_v1_GetIncrementalityResponse>;
  
  GetKpis: grpc.handleUnaryCall<_omni_insights_v1_GetKpisRequest__Output, _omni_insights_v1_GetKpisResponse>;
  
  ListAlerts: grpc.handleUnaryCall<_omni_insights_v1_ListAlertsRequest__Output, _omni_insights_v1_ListAlertsResponse>;
  
  SetCampaignSpend: grpc.handleUnaryCall<_omni_insights_v1_SetCampaignSpendRequest__Output, _omni_insights_v1_SetCampaignSpendResponse>;
  
  SetChannelCost: grpc.handleUnaryCall<_omni_insights_v1_SetChannelCostRequest__Output, _omni_insights_v1_SetChannelCostResponse>;
  
}

export interface InsightsServiceDefinition extends grpc.ServiceDefinition {
  ExportReport: MethodDefinition<_omni_insights_v1_ExportReportRequest, _omni_insights_v1_ExportReportResponse, _omni_insights_v1_ExportReportRequest__Output, _omni_insights_v1_ExportReportResponse__Output>
  GetAttribution: MethodDefinition<_omni_insights_v1_GetAttributionRequest, _omni_insights_v1_GetAttributionResponse, _omni_insights_v1_GetAttributionRequest__Output, _omni_insights_v1_GetAttributionResponse__Output>
  GetCohorts: MethodDefinition<_omni_insights_v1_GetCohortsRequest, _omni_insights_v1_GetCohortsResponse, _omni_insights_v1_GetCohortsRequest__Output, _omni_insights_v1_GetCohortsResponse__Output>
  GetCustomerValue: MethodDefinition<_omni_insights_v1_GetCustomerValueRequest, _omni_insights_v1_GetCustomerValueResponse, _omni_insights_v1_GetCustomerValueRequest__Output, _omni_insights_v1_GetCustomerValueResponse__Output>
  GetFunnel: MethodDefinition<_omni_insights_v1_GetFunnelRequest, _omni_insights_v1_GetFunnelResponse, _omni_insights_v1_GetFunnelRequest__Output, _omni_insights_v1_GetFunnelResponse__Output>
  GetIncrementality: MethodDefinition<_omni_insights_v1_GetIncrementalityRequest, _omni_insights_v1_GetIncrementalityResponse, _omni_insights_v1_GetIncrementalityRequest__Output, _omni_insights_v1_GetIncrementalityResponse__Output>
  GetKpis: MethodDefinition<_omni_insights_v1_GetKpisRequest, _omni_insights_v1_GetKpisResponse, _omni_insights_v1_GetKpisRequest__Output, _omni_insights_v1_GetKpisResponse__Output>
  ListAlerts: MethodDefinition<_omni_insights_v1_ListAlertsRequest, _omni_insights_v1_ListAlertsResponse, _omni_insights_v1_ListAlertsRequest__Output, _omni_insights_v1_ListAlertsResponse__Output>
  SetCampaignSpend: MethodDefinition<_omni_insights_v1_SetCampaignSpendRequest, _omni_insights_v1_SetCampaignSpendResponse, _omni_insights_v1_SetCampaignSpendRequest__Output, _omni_insights_v1_SetCampaignSpendResponse__Output>
  SetChannelCost: MethodDefinition<_omni_insights_v1_SetChannelCostRequest, _omni_insights_v1_SetChannelCostResponse, _omni_insights_v1_SetChannelCostRequest__Output, _omni_insights_v1_SetChannelCostResponse__Output>
}
