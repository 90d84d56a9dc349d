//! Polling until an asynchronous condition holds.

use std::future::Future;
use std::time::Duration;

/// Pause between two polls.
const POLL_INTERVAL: Duration = Duration::from_millis(25);

/// Calls `f` every 25ms until it returns `Ok(Some(value))`, then returns the value.
///
/// `Ok(None)` means "not yet". An `Err` is treated as "not yet" too (services under
/// test may still be starting); if the time runs out the error from the last poll,
/// if it failed, is returned with the timeout as context.
pub async fn eventually<T, F, Fut>(timeout: Duration, mut f: F) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<Option<T>>>,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        let last_error = match f().await {
            Ok(Some(value)) => return Ok(value),
            Ok(None) => None,
            Err(err) => Some(err),
        };
        if tokio::time::Instant::now() >= deadline {
            let context = format!("condition not met within {timeout:?}");
            return Err(match last_error {
                Some(err) => err.context(context),
                None => anyhow::anyhow!(context),
            });
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;

    #[tokio::test]
    async fn returns_the_value_once_the_condition_holds() -> anyhow::Result<()> {
        let calls = Arc::new(AtomicU32::new(0));
        let value = eventually(Duration::from_secs(5), || {
            let calls = Arc::clone(&calls);
            async move {
                let n = calls.fetch_add(1, Ordering::SeqCst) + 1;
                if n == 2 {
                    anyhow::bail!("transient failure");
                }
                Ok((n >= 4).then_some(n * 10))
            }
        })
        .await?;
        assert_eq!(value, 40);
        assert_eq!(calls.load(Ordering::SeqCst), 4);
        Ok(())
    }

    #[tokio::test]
    async fn times_out_with_the_last_error() {
        let err = eventually(Duration::from_millis(60), || async {
            Err::<Option<()>, _>(anyhow::anyhow!("still broken"))
        })
        .await
        .err()
        .map(|e| format!("{e:#}"));
        assert_eq!(
            err.as_deref(),
            Some("condition not met within 60ms: still broken")
        );

        let err = eventually(Duration::from_millis(60), || async {
            Ok::<Option<()>, _>(None)
        })
        .await
        .err()
        .map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("condition not met within 60ms"));
    }
}
