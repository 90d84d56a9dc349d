//! Group commit: callers hand items to a [`Batcher`], whose writer tasks take every item
//! queued so far (up to a maximum), write them in one transaction, and only then answer
//! each caller.
//!
//! No timer delays a lone item: a writer takes what is queued the moment it is free, so
//! under load the items that arrive while one batch commits form the next batch, and at
//! rest an item is written at once. A caller is answered only after its batch's write
//! function returned (that is, after the commit); when the write fails, or the writer is
//! gone (the service is stopping), every caller of the batch gets an error and nothing
//! of the batch is considered stored.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::{Mutex, mpsc, oneshot};

use crate::error::Error;

/// An item waiting for its batch, with the channel its answer goes back on.
type Queued<I, O> = (I, oneshot::Sender<Result<O, Error>>);

/// A group-commit queue: items in, one answer per item out after its batch's commit.
pub struct Batcher<I, O> {
    tx: mpsc::Sender<Queued<I, O>>,
}

impl<I, O> Clone for Batcher<I, O> {
    fn clone(&self) -> Self {
        Self {
            tx: self.tx.clone(),
        }
    }
}

impl<I, O> std::fmt::Debug for Batcher<I, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batcher").finish_non_exhaustive()
    }
}

impl<I: Send + 'static, O: Send + 'static> Batcher<I, O> {
    /// Starts `writers` writer tasks (on the current Tokio runtime) that call `write`
    /// with batches of at most `max` items; `write` answers one result per item, in
    /// order. The tasks end when the last clone of the batcher is dropped.
    pub fn spawn<F, Fut>(name: &'static str, max: usize, writers: usize, write: F) -> Self
    where
        F: Fn(Vec<I>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Vec<Result<O, Error>>, Error>> + Send + 'static,
    {
        let max = max.max(1);
        let (tx, rx) = mpsc::channel::<Queued<I, O>>(max.saturating_mul(8));
        let rx = Arc::new(Mutex::new(rx));
        let write = Arc::new(write);
        for _ in 0..writers.max(1) {
            let rx = rx.clone();
            let write = write.clone();
            tokio::spawn(async move {
                loop {
                    let batch = {
                        let mut rx = rx.lock().await;
                        let Some(first) = rx.recv().await else { return };
                        let mut batch = Vec::with_capacity(max.min(64));
                        batch.push(first);
                        while batch.len() < max {
                            match rx.try_recv() {
                                Ok(item) => batch.push(item),
                                Err(_) => break,
                            }
                        }
                        batch
                    };
                    let (items, answers): (Vec<I>, Vec<_>) = batch.into_iter().unzip();
                    let n = items.len();
                    match write(items).await {
                        Ok(results) if results.len() == n => {
                            for (answer, result) in answers.into_iter().zip(results) {
                                let _ = answer.send(result);
                            }
                        }
                        Ok(results) => {
                            let e = format!("{name}: {} answers for {n} items", results.len());
                            tracing::error!(error = %e, "batch writer answered wrongly");
                            for answer in answers {
                                let _ = answer.send(Err(Error::Batch(e.clone())));
                            }
                        }
                        Err(e) => {
                            tracing::warn!(batch = name, items = n, error = %e, "batch write failed");
                            let text = e.to_string();
                            for answer in answers {
                                let _ = answer.send(Err(Error::Batch(text.clone())));
                            }
                        }
                    }
                }
            });
        }
        Self { tx }
    }

    /// Queues `item` and waits for its answer (given after its batch committed).
    pub async fn submit(&self, item: I) -> Result<O, Error> {
        let (answer, rx) = oneshot::channel();
        self.tx
            .send((item, answer))
            .await
            .map_err(|_| Error::Batch("batch writer stopped".into()))?;
        rx.await
            .map_err(|_| Error::Batch("batch writer stopped before the commit".into()))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn answers_every_caller_in_order_and_groups_items() {
        let sizes = Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = sizes.clone();
        let b: Batcher<u32, u32> = Batcher::spawn("test", 8, 1, move |items: Vec<u32>| {
            let seen = seen.clone();
            async move {
                seen.lock().expect("lock").push(items.len());
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                Ok(items.into_iter().map(|i| Ok(i * 2)).collect())
            }
        });
        let mut calls = tokio::task::JoinSet::new();
        for i in 0..40u32 {
            let b = b.clone();
            calls.spawn(async move { (i, b.submit(i).await) });
        }
        while let Some(r) = calls.join_next().await {
            let (i, answer) = r.expect("join");
            assert_eq!(answer.expect("answer"), i * 2);
        }
        let sizes = sizes.lock().expect("lock").clone();
        assert_eq!(sizes.iter().sum::<usize>(), 40);
        assert!(sizes.iter().all(|&n| n <= 8));
        assert!(sizes.len() < 40, "items were grouped: {sizes:?}");
    }

    #[tokio::test]
    async fn a_failed_write_fails_every_caller_of_the_batch() {
        let b: Batcher<u32, u32> = Batcher::spawn("test", 8, 1, |_items: Vec<u32>| async {
            Err(Error::Conflict("boom".into()))
        });
        let err = b.submit(1).await.expect_err("write failed");
        assert!(matches!(err, Error::Batch(m) if m.contains("boom")));
    }
}
