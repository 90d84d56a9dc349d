//! The `omni.insights.v1.InsightsService` gRPC handlers: authenticate, validate, call
//! the query modules, convert.

use std::pin::Pin;

use futures::Stream;
use omni_common::auth::caller;
use omni_common::clock::SharedClock;
use omni_proto::insights::v1 as pb;
use omni_proto::insights::v1::insights_service_server::InsightsService;
use tonic::{Request, Response, Status};

use crate::error::Error;
use crate::kpis::parse_day;
use crate::store::Store;
use crate::{alerts, attribution, convert, customers, export, funnel, incrementality, kpis, value};

/// A server stream of one RPC's responses.
pub type ResponseStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

/// Alerts per ListAlerts page by default, and at most.
const ALERTS_PAGE: i64 = 100;
const ALERTS_PAGE_MAX: i64 = 1_000;

/// The gRPC service.
pub struct InsightsApi {
    store: Store,
    clock: SharedClock,
}

impl InsightsApi {
    /// Handlers over the store; `clock` gives the default `as_of` of customer value
    /// reports.
    pub fn new(store: Store, clock: SharedClock) -> Self {
        Self { store, clock }
    }
}

fn required(field: &'static str, value: &str) -> Result<String, Error> {
    convert::optional(value).ok_or_else(|| Error::invalid(field, "is required"))
}

#[tonic::async_trait]
impl InsightsService for InsightsApi {
    async fn get_kpis(
        &self,
        request: Request<pb::GetKpisRequest>,
    ) -> Result<Response<pb::GetKpisResponse>, Status> {
        let caller = caller(&request)?;
        let (range, dim, filter) = convert::kpi_query(request.get_ref())?;
        let settings = convert::customer_kpi_settings(request.get_ref())?;
        let report = kpis::report(&self.store, &caller.workspace, range, dim, &filter).await?;
        let mut response = convert::kpi_report_to_proto(&report);
        // Customer KPIs are not per message: only an unfiltered answer carries them.
        if filter == kpis::KpiFilter::default() {
            let row = customers::row(
                &self.store,
                &caller.workspace,
                range,
                report.previous_range,
                settings,
            )
            .await?;
            response.customer_kpis = Some(convert::customer_kpi_row_to_proto(&row));
        }
        Ok(Response::new(response))
    }

    async fn get_attribution(
        &self,
        request: Request<pb::GetAttributionRequest>,
    ) -> Result<Response<pb::GetAttributionResponse>, Status> {
        let caller = caller(&request)?;
        let query = convert::attribution_query(request.get_ref())?;
        let report = attribution::report(&self.store, &caller.workspace, &query).await?;
        Ok(Response::new(convert::attribution_to_proto(&report)))
    }

    async fn get_incrementality(
        &self,
        request: Request<pb::GetIncrementalityRequest>,
    ) -> Result<Response<pb::GetIncrementalityResponse>, Status> {
        let caller = caller(&request)?;
        let query = convert::incrementality_query(request.get_ref())?;
        let report = incrementality::report(&self.store, &caller.workspace, &query).await?;
        Ok(Response::new(convert::incrementality_to_proto(&report)))
    }

    async fn get_funnel(
        &self,
        request: Request<pb::GetFunnelRequest>,
    ) -> Result<Response<pb::GetFunnelResponse>, Status> {
        let caller = caller(&request)?;
        let query = convert::funnel_query(request.get_ref())?;
        let report = funnel::report(&self.store, &caller.workspace, &query).await?;
        Ok(Response::new(convert::funnel_to_proto(&report)))
    }

    async fn list_alerts(
        &self,
        request: Request<pb::ListAlertsRequest>,
    ) -> Result<Response<pb::ListAlertsResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let limit = match i64::from(req.page_size) {
            0 => ALERTS_PAGE,
            n if n < 0 => return Err(Error::invalid("page_size", "must not be negative").into()),
            n => n.min(ALERTS_PAGE_MAX),
        };
        let offset =
            match convert::optional(&req.page_token) {
                None => 0,
                Some(t) => t.parse::<i64>().ok().filter(|o| *o >= 0).ok_or_else(|| {
                    Error::invalid("page_token", "is not a token from ListAlerts")
                })?,
            };
        let kpi = convert::optional(&req.kpi);
        // One extra row tells whether another page follows.
        let mut list = alerts::list(
            &self.store,
            &caller.workspace,
            kpi.as_deref(),
            offset,
            limit + 1,
        )
        .await?;
        let more = list.len() as i64 > limit;
        list.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok(Response::new(pb::ListAlertsResponse {
            alerts: list.iter().map(convert::alert_to_proto).collect(),
            next_page_token: if more {
                (offset + limit).to_string()
            } else {
                String::new()
            },
        }))
    }

    type ExportReportStream = ResponseStream<pb::ExportReportResponse>;

    async fn export_report(
        &self,
        request: Request<pb::ExportReportRequest>,
    ) -> Result<Response<Self::ExportReportStream>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let rows = match pb::ReportKind::try_from(req.kind) {
            Ok(pb::ReportKind::Kpis) => {
                let q = req
                    .kpis
                    .ok_or_else(|| Error::invalid("kpis", "is required for REPORT_KIND_KPIS"))?;
                let (range, dim, filter) = convert::kpi_query(&q)?;
                let report =
                    kpis::report(&self.store, &caller.workspace, range, dim, &filter).await?;
                export::kpi_rows(&report)
            }
            Ok(pb::ReportKind::Attribution) => {
                let q = req.attribution.ok_or_else(|| {
                    Error::invalid("attribution", "is required for REPORT_KIND_ATTRIBUTION")
                })?;
                let query = convert::attribution_query(&q)?;
                let report = attribution::report(&self.store, &caller.workspace, &query).await?;
                export::attribution_rows(&report)
            }
            Ok(pb::ReportKind::Unspecified) | Err(_) => {
                return Err(Error::invalid(
                    "kind",
                    "must be REPORT_KIND_KPIS or REPORT_KIND_ATTRIBUTION",
                )
                .into());
            }
        };
        let stream = futures::stream::iter(
            rows.into_iter()
                .map(|row| Ok(pb::ExportReportResponse { row })),
        );
        Ok(Response::new(Box::pin(stream)))
    }

    async fn set_channel_cost(
        &self,
        request: Request<pb::SetChannelCostRequest>,
    ) -> Result<Response<pb::SetChannelCostResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let channel = required("channel", &req.channel)?;
        let cost = convert::amount(req.cost_per_message, "cost_per_message")?;
        self.store
            .set_channel_cost(&caller.workspace, &channel, cost)
            .await?;
        Ok(Response::new(pb::SetChannelCostResponse {
            channel,
            cost_per_message: cost,
        }))
    }

    async fn get_cohorts(
        &self,
        request: Request<pb::GetCohortsRequest>,
    ) -> Result<Response<pb::GetCohortsResponse>, Status> {
        let caller = caller(&request)?;
        let query = convert::cohort_query(request.get_ref(), self.clock.now_ms())?;
        let cohorts = value::cohorts(&self.store, &caller.workspace, query).await?;
        Ok(Response::new(convert::cohorts_to_proto(&cohorts)))
    }

    async fn get_customer_value(
        &self,
        request: Request<pb::GetCustomerValueRequest>,
    ) -> Result<Response<pb::GetCustomerValueResponse>, Status> {
        let caller = caller(&request)?;
        let query = convert::value_query(request.get_ref(), self.clock.now_ms())?;
        let report = value::report(&self.store, &caller.workspace, &query).await?;
        Ok(Response::new(convert::value_to_proto(&report)))
    }

    async fn set_campaign_spend(
        &self,
        request: Request<pb::SetCampaignSpendRequest>,
    ) -> Result<Response<pb::SetCampaignSpendResponse>, Status> {
        let caller = caller(&request)?;
        let req = request.into_inner();
        let campaign = required("campaign", &req.campaign)?;
        let day = required("day", &req.day)?;
        let day_ms =
            parse_day(&day).ok_or_else(|| Error::invalid("day", "must be a date YYYY-MM-DD"))?;
        let amount = convert::amount(req.amount, "amount")?;
        self.store
            .set_campaign_spend(&caller.workspace, &campaign, day_ms, amount)
            .await?;
        Ok(Response::new(pb::SetCampaignSpendResponse {
            campaign,
            day,
            amount,
        }))
    }
}
