//! Store coupons in SQL: issue (idempotent by key) and redeem at most once.
//!
//! Redemption is one conditional `UPDATE ... WHERE redeem_ms IS NULL` (plus expiry and,
//! when given, the customer): of two concurrent redemptions exactly one changes the row,
//! on SQLite (writes are serialised) and on Postgres (the second waits on the row lock
//! and re-checks the condition). The `coupon.redeemed` identity event is written in the
//! same transaction.

use omni_common::ids::WorkspaceId;
use sea_orm::{ConnectionTrait, QueryResult, TransactionTrait};

use super::Store;
use super::engagement::PendingEvent;
use crate::coupons::Coupon;
use crate::error::Error;

const COUPON_COLUMNS: &str = "code, customer_id, offer_id, message_id, expire_ms, create_ms, \
     redeem_ms, redeem_store_id, redeem_key";

/// What a redemption did.
#[derive(Clone, Debug)]
pub enum Redeemed {
    /// Redeemed now.
    Now(Coupon),
    /// Redeemed before with the same idempotency key: the same answer again.
    Again(Coupon),
    /// Not redeemable; the coupon as it stands (redeemed, expired, or another
    /// customer's).
    Refused(Coupon),
    /// No such code.
    Unknown,
}

impl Store {
    /// Inserts `c` under `issue_key`; when the key was used before, returns the coupon
    /// issued first (`None` when the code itself collided: pick another code).
    pub async fn insert_coupon(
        &self,
        ws: &WorkspaceId,
        c: &Coupon,
        issue_key: &str,
    ) -> Result<Option<Coupon>, Error> {
        self.db
            .execute_raw(self.stmt(
                "INSERT INTO coupons (workspace_id, code, customer_id, offer_id, message_id, \
                 issue_key, expire_ms, create_ms, redeem_ms, redeem_store_id, redeem_key) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, '', '') ON CONFLICT DO NOTHING",
                [
                    ws.as_str().into(),
                    c.code.clone().into(),
                    c.customer_id.clone().into(),
                    c.offer_id.clone().into(),
                    c.message_id.clone().into(),
                    issue_key.into(),
                    c.expire_ms.into(),
                    c.create_ms.into(),
                ],
            ))
            .await?;
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "SELECT {COUPON_COLUMNS} FROM coupons \
                     WHERE workspace_id = $1 AND issue_key = $2"
                ),
                [ws.as_str().into(), issue_key.into()],
            ))
            .await?;
        row.as_ref().map(coupon_from_row).transpose()
    }

    /// Reads a coupon.
    pub async fn get_coupon(&self, ws: &WorkspaceId, code: &str) -> Result<Option<Coupon>, Error> {
        let row = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "SELECT {COUPON_COLUMNS} FROM coupons WHERE workspace_id = $1 AND code = $2"
                ),
                [ws.as_str().into(), code.into()],
            ))
            .await?;
        row.as_ref().map(coupon_from_row).transpose()
    }

    /// Redeems `code` at `store_id` once, recording `event` with it.
    #[allow(clippy::too_many_arguments)]
    pub async fn redeem_coupon(
        &self,
        ws: &WorkspaceId,
        code: &str,
        store_id: &str,
        redeem_key: &str,
        customer_id: &str,
        now_ms: i64,
        event: impl FnOnce(&Coupon) -> PendingEvent,
    ) -> Result<Redeemed, Error> {
        let txn = self.db.begin().await?;
        let res = txn
            .execute_raw(self.stmt(
                "UPDATE coupons SET redeem_ms = $1, redeem_store_id = $2, redeem_key = $3 \
                 WHERE workspace_id = $4 AND code = $5 AND redeem_ms IS NULL \
                 AND (expire_ms IS NULL OR expire_ms > $1) \
                 AND ($6 = '' OR customer_id = $6)",
                [
                    now_ms.into(),
                    store_id.into(),
                    redeem_key.into(),
                    ws.as_str().into(),
                    code.into(),
                    customer_id.into(),
                ],
            ))
            .await?;
        if res.rows_affected() == 1 {
            let row = txn
                .query_one_raw(self.stmt(
                    &format!(
                        "SELECT {COUPON_COLUMNS} FROM coupons WHERE workspace_id = $1 AND code = $2"
                    ),
                    [ws.as_str().into(), code.into()],
                ))
                .await?
                .ok_or_else(|| Error::Corrupt("redeemed coupon vanished".into()))?;
            let coupon = coupon_from_row(&row)?;
            txn.execute_raw(self.insert_pending_stmt(ws, &event(&coupon))?)
                .await?;
            txn.commit().await?;
            return Ok(Redeemed::Now(coupon));
        }
        txn.rollback().await?;
        let Some(row) = self
            .db
            .query_one_raw(self.stmt(
                &format!(
                    "SELECT {COUPON_COLUMNS} FROM coupons \
                     WHERE workspace_id = $1 AND code = $2"
                ),
                [ws.as_str().into(), code.into()],
            ))
            .await?
        else {
            return Ok(Redeemed::Unknown);
        };
        let coupon = coupon_from_row(&row)?;
        let key: String = row.try_get("", "redeem_key")?;
        if coupon.redeem_ms.is_some() && !redeem_key.is_empty() && key == redeem_key {
            return Ok(Redeemed::Again(coupon));
        }
        Ok(Redeemed::Refused(coupon))
    }
}

fn coupon_from_row(row: &QueryResult) -> Result<Coupon, Error> {
    Ok(Coupon {
        code: row.try_get("", "code")?,
        customer_id: row.try_get("", "customer_id")?,
        offer_id: row.try_get("", "offer_id")?,
        message_id: row.try_get("", "message_id")?,
        expire_ms: row.try_get("", "expire_ms")?,
        create_ms: row.try_get("", "create_ms")?,
        redeem_ms: row.try_get("", "redeem_ms")?,
        redeem_store_id: row.try_get("", "redeem_store_id")?,
    })
}
