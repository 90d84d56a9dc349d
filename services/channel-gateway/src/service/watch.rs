//! The `WatchDeliveries` stream.

use std::collections::HashSet;
use std::sync::Arc;

use omni_common::ids::WorkspaceId;
use omni_proto::channel::v1 as pb;
use tokio::sync::broadcast::error::RecvError;
use tokio_stream::Stream;
use tonic::Status;

use crate::convert::event_to_proto;
use crate::delivery::Gateway;
use crate::records::DeliveryEvent;

use super::MAX_REPLAY;

/// The event stream of `WatchDeliveries`: stored events first (history or after a
/// cursor), then live ones; a subscriber that falls behind catches up from SQL.
pub(super) fn watch(
    gateway: Arc<Gateway>,
    ws: WorkspaceId,
    req: pb::WatchDeliveriesRequest,
) -> impl Stream<Item = Result<pb::WatchDeliveriesResponse, Status>> + Send {
    let (tx, rx) = tokio::sync::mpsc::channel(256);
    let matches = {
        let ws = ws.clone();
        let customer = req.customer_id.clone();
        let message = req.message_id.clone();
        move |w: &WorkspaceId, e: &DeliveryEvent| {
            *w == ws
                && (customer.is_empty() || e.customer_id == customer)
                && (message.is_empty() || e.message_id.as_str() == message)
        }
    };
    tokio::spawn(async move {
        // Subscribe before reading SQL so nothing falls between the two.
        let mut live = gateway.subscribe();
        let mut seen: HashSet<String> = HashSet::new();
        let replay = req.include_history || !req.after_event_id.is_empty();
        let mut cursor = req.after_event_id.clone();
        let send = |e: &DeliveryEvent| pb::WatchDeliveriesResponse {
            event: Some(event_to_proto(e)),
        };
        if replay {
            match gateway
                .store()
                .list_events(&ws, &req.customer_id, &req.message_id, &cursor, MAX_REPLAY)
                .await
            {
                Ok(events) => {
                    for e in events {
                        cursor = e.event_id.to_string();
                        seen.insert(cursor.clone());
                        if tx.send(Ok(send(&e))).await.is_err() {
                            return;
                        }
                    }
                }
                Err(e) => {
                    let _ = tx.send(Err(Status::from(e))).await;
                    return;
                }
            }
        }
        loop {
            let received = tokio::select! {
                r = live.recv() => r,
                () = tx.closed() => return,
            };
            match received {
                Ok((w, e)) => {
                    if !matches(&w, &e) || seen.remove(e.event_id.as_str()) {
                        continue;
                    }
                    if tx.send(Ok(send(&e))).await.is_err() {
                        return;
                    }
                }
                Err(RecvError::Lagged(_)) => {
                    let _ = tx
                        .send(Err(Status::resource_exhausted(
                            "watcher fell behind; reconnect with after_event_id set to the last event seen",
                        )))
                        .await;
                    return;
                }
                Err(RecvError::Closed) => return,
            }
        }
    });
    tokio_stream::wrappers::ReceiverStream::new(rx)
}
