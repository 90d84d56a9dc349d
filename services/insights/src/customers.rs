//! Customer-level KPIs of a period: cart return rate and reactivation rate.
//!
//! They are read from the stored events (so, like segment views, they lose erased
//! customers) and are workspace-wide: they do not belong to a message, journey or
//! channel. Definitions (also in docs/insights.md):
//!
//! - **Cart return**: the customers with a [`CART_ABANDONED`] event in the period are
//!   the abandoners; a returner is an abandoner with a purchase (a `purchase` or
//!   `order_completed` event) at most `cart_return_window` after one of those
//!   abandonments (and not before it).
//! - **Reactivation**: activity is any event the customer produced, that is every
//!   event but `message.*` and `journey.*` (which Omni records about the customer).
//!   The dormant customers of a period are those with activity before its start and
//!   none in the `dormancy_threshold` before its start; the reactivated are those of
//!   them with activity in the period.

use std::collections::BTreeMap;

use omni_common::ids::WorkspaceId;
use omni_storage::stmt;
use sea_orm::ConnectionTrait;

use crate::error::Error;
use crate::kpis::{TimeRange, ratio};
use crate::store::{DAY_MS, Store};

/// The event type of a cart abandonment.
pub const CART_ABANDONED: &str = "cart_abandoned";
/// Default `cart_return_window`: 7 days.
pub const DEFAULT_CART_RETURN_MS: i64 = 7 * DAY_MS;
/// Default `dormancy_threshold`: 90 days.
pub const DEFAULT_DORMANCY_MS: i64 = 90 * DAY_MS;

/// SQL condition: `alias` is an activity event (not `message.*` or `journey.*`).
fn activity(alias: &str) -> String {
    format!("{alias}.event_type NOT LIKE 'message.%' AND {alias}.event_type NOT LIKE 'journey.%'")
}

/// The parameters of the customer KPIs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CustomerKpiSettings {
    /// How long after an abandonment a purchase counts as a return, in ms.
    pub cart_return_ms: i64,
    /// Inactivity after which a customer is dormant, in ms.
    pub dormancy_ms: i64,
}

impl Default for CustomerKpiSettings {
    fn default() -> Self {
        Self {
            cart_return_ms: DEFAULT_CART_RETURN_MS,
            dormancy_ms: DEFAULT_DORMANCY_MS,
        }
    }
}

/// The customer KPIs of one period.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CustomerKpis {
    /// Customers who abandoned a cart in the period.
    pub cart_abandoners: i64,
    /// Of those, customers who purchased within the window after an abandonment.
    pub cart_returners: i64,
    /// returners / abandoners.
    pub cart_return_rate: f64,
    /// Customers dormant at the start of the period.
    pub dormant_customers: i64,
    /// Of those, customers active in the period.
    pub reactivated_customers: i64,
    /// reactivated / dormant.
    pub reactivation_rate: f64,
}

impl CustomerKpis {
    /// Every KPI by name.
    pub fn named(&self) -> [(&'static str, f64); 6] {
        [
            ("cart_abandoners", self.cart_abandoners as f64),
            ("cart_returners", self.cart_returners as f64),
            ("cart_return_rate", self.cart_return_rate),
            ("dormant_customers", self.dormant_customers as f64),
            ("reactivated_customers", self.reactivated_customers as f64),
            ("reactivation_rate", self.reactivation_rate),
        ]
    }
}

/// Customer KPIs now and in the previous period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CustomerKpiRow {
    /// This period.
    pub current: CustomerKpis,
    /// The previous period.
    pub previous: CustomerKpis,
    /// (current - previous) / previous per KPI whose previous value is not 0.
    pub relative_change: BTreeMap<String, f64>,
}

/// The customer KPIs of `range` and of `previous`.
pub async fn row(
    store: &Store,
    ws: &WorkspaceId,
    range: TimeRange,
    previous: TimeRange,
    settings: CustomerKpiSettings,
) -> Result<CustomerKpiRow, Error> {
    let current = period(store, ws, range, settings).await?;
    let before = period(store, ws, previous, settings).await?;
    let relative_change = current
        .named()
        .iter()
        .zip(before.named())
        .filter(|(_, (_, p))| *p != 0.0)
        .map(|((name, c), (_, p))| ((*name).to_owned(), (c - p) / p))
        .collect();
    Ok(CustomerKpiRow {
        current,
        previous: before,
        relative_change,
    })
}

/// The customer KPIs of one period.
pub async fn period(
    store: &Store,
    ws: &WorkspaceId,
    range: TimeRange,
    settings: CustomerKpiSettings,
) -> Result<CustomerKpis, Error> {
    let b = store.backend();
    let cart = store
        .db()
        .query_one_raw(stmt(
            b,
            &format!(
                "SELECT COUNT(DISTINCT a.customer_id) AS abandoners,
                        COUNT(DISTINCT CASE WHEN EXISTS (
                            SELECT 1 FROM events p
                            WHERE p.workspace_id = a.workspace_id
                              AND p.customer_id = a.customer_id
                              AND p.event_type IN ('purchase', 'order_completed')
                              AND p.time_ms >= a.time_ms AND p.time_ms <= a.time_ms + $4)
                          THEN a.customer_id END) AS returners
                 FROM events a
                 WHERE a.workspace_id = $1 AND a.event_type = '{CART_ABANDONED}'
                   AND a.time_ms >= $2 AND a.time_ms < $3"
            ),
            [
                ws.as_str().into(),
                range.start_ms.into(),
                range.end_ms.into(),
                settings.cart_return_ms.into(),
            ],
        ))
        .await?;
    let (abandoners, returners) = match cart {
        Some(r) => (
            r.try_get::<i64>("", "abandoners")?,
            r.try_get::<i64>("", "returners")?,
        ),
        None => (0, 0),
    };
    let dormant = store
        .db()
        .query_one_raw(stmt(
            b,
            &format!(
                "SELECT COUNT(*) AS dormant,
                        CAST(COALESCE(SUM(CASE WHEN EXISTS (
                            SELECT 1 FROM events n
                            WHERE n.workspace_id = $1 AND n.customer_id = c.customer_id
                              AND n.time_ms >= $2 AND n.time_ms < $3 AND {})
                          THEN 1 ELSE 0 END), 0) AS BIGINT) AS reactivated
                 FROM (SELECT e.customer_id, MAX(e.time_ms) AS last_ms FROM events e
                       WHERE e.workspace_id = $1 AND e.time_ms < $2 AND {}
                       GROUP BY e.customer_id) c
                 WHERE c.last_ms < $4",
                activity("n"),
                activity("e"),
            ),
            [
                ws.as_str().into(),
                range.start_ms.into(),
                range.end_ms.into(),
                (range.start_ms - settings.dormancy_ms).into(),
            ],
        ))
        .await?;
    let (dormant, reactivated) = match dormant {
        Some(r) => (
            r.try_get::<i64>("", "dormant")?,
            r.try_get::<i64>("", "reactivated")?,
        ),
        None => (0, 0),
    };
    Ok(CustomerKpis {
        cart_abandoners: abandoners,
        cart_returners: returners,
        cart_return_rate: ratio(returners as f64, abandoners as f64),
        dormant_customers: dormant,
        reactivated_customers: reactivated,
        reactivation_rate: ratio(reactivated as f64, dormant as f64),
    })
}
