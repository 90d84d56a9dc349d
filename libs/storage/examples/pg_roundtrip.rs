//! Times single-row INSERT + COMMIT through `omni_storage::connect` against the URL in
//! `OMNI_TEST_DATABASE_URL` (default: local Postgres), to see per-statement latency.

use std::time::Instant;

use sea_orm::{ConnectionTrait, TransactionTrait};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("OMNI_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let db = omni_storage::connect(&url).await?;
    let backend = db.get_database_backend();
    db.execute_unprepared("CREATE TABLE IF NOT EXISTS rt_probe (id BIGINT, v TEXT)")
        .await?;
    let n = 200;
    let start = Instant::now();
    for i in 0..n as i64 {
        let txn = db.begin().await?;
        txn.execute_raw(omni_storage::stmt(
            backend,
            "INSERT INTO rt_probe (id, v) VALUES ($1, $2)",
            [i.into(), "x".into()],
        ))
        .await?;
        txn.commit().await?;
    }
    let el = start.elapsed();
    println!(
        "{n} insert+commit transactions: {:.2} ms each, {:.0}/s",
        el.as_secs_f64() * 1000.0 / n as f64,
        n as f64 / el.as_secs_f64()
    );
    let start = Instant::now();
    for i in 0..n as i64 {
        db.execute_raw(omni_storage::stmt(
            backend,
            "SELECT id FROM rt_probe WHERE id = $1",
            [i.into()],
        ))
        .await?;
    }
    let el = start.elapsed();
    println!(
        "{n} autocommit selects: {:.2} ms each",
        el.as_secs_f64() * 1000.0 / n as f64
    );
    // One multi-row INSERT of `PROBE_ROWS` (default 500) rows per statement (a statement larger than one TLS
    // record / TCP segment).
    let rows: usize = std::env::var("PROBE_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let sql = format!(
        "INSERT INTO rt_probe (id, v) VALUES {}",
        (0..rows)
            .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let start = Instant::now();
    let reps = 20;
    for r in 0..reps {
        let values: Vec<sea_orm::Value> = (0..rows)
            .flat_map(|i| [((r * rows + i) as i64).into(), "some text value".into()])
            .collect();
        db.execute_raw(omni_storage::stmt(backend, &sql, values))
            .await?;
    }
    let el = start.elapsed();
    println!(
        "{reps} x {rows}-row inserts: {:.2} ms each ({:.0} rows/s)",
        el.as_secs_f64() * 1000.0 / reps as f64,
        (reps * rows) as f64 / el.as_secs_f64()
    );
    // 16 concurrent callers, each 50 insert+commit transactions (the pool's size).
    let start = Instant::now();
    let mut tasks = Vec::new();
    for t in 0..16i64 {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            let mut worst = 0f64;
            for i in 0..50i64 {
                let at = Instant::now();
                let txn = db.begin().await?;
                txn.execute_raw(omni_storage::stmt(
                    backend,
                    "INSERT INTO rt_probe (id, v) VALUES ($1, $2)",
                    [(t * 1_000 + i).into(), "y".into()],
                ))
                .await?;
                txn.commit().await?;
                worst = worst.max(at.elapsed().as_secs_f64() * 1000.0);
            }
            Ok::<f64, sea_orm::DbErr>(worst)
        }));
    }
    let mut worst = 0f64;
    for t in tasks {
        worst = worst.max(t.await??);
    }
    let el = start.elapsed();
    println!(
        "16 concurrent callers x 50 insert+commit: {:.0} txn/s, slowest {:.1} ms",
        800.0 / el.as_secs_f64(),
        worst
    );
    db.execute_unprepared("DROP TABLE rt_probe").await?;
    Ok(())
}
