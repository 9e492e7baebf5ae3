//! Wake-ups for live pages. A live page (a client's chat, a counsellor's
//! console or chat) watches topics — `chat:{id}`, `queue:{service}`,
//! `staff:{id}` — and, when one moves, reads what is new from the
//! database. The database is the only source of what was said: a wake-up
//! carries nothing, so a lost one delays a page by at most its poll
//! interval and a repeated one costs a read.
//!
//! On PostgreSQL every wake-up is also sent with `NOTIFY` and every
//! instance listens, so a client on one instance and their counsellor on
//! another see each other's messages at once. The payload is the topic:
//! random ids and a service's slug, nothing a client wrote.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::watch;

use crate::db::{Backend, Db};

const CHANNEL: &str = "suoja_chat";

#[derive(Default)]
pub struct Hub {
    topics: Mutex<HashMap<String, watch::Sender<u64>>>,
}

impl Hub {
    /// A receiver that changes whenever `topic` is woken.
    pub fn watch(&self, topic: &str) -> watch::Receiver<u64> {
        let mut topics = self.topics.lock().unwrap_or_else(|e| e.into_inner());
        if topics.len() > 4096 {
            topics.retain(|_, tx| tx.receiver_count() > 0);
        }
        topics
            .entry(topic.to_owned())
            .or_insert_with(|| watch::channel(0).0)
            .subscribe()
    }

    /// Wakes the pages of this instance that watch `topic`.
    pub fn wake_here(&self, topic: &str) {
        let topics = self.topics.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tx) = topics.get(topic) {
            tx.send_modify(|n| *n = n.wrapping_add(1));
        }
    }

    /// Wakes every page of this instance (a listener reconnected and may
    /// have missed some).
    fn wake_all_here(&self) {
        let topics = self.topics.lock().unwrap_or_else(|e| e.into_inner());
        for tx in topics.values() {
            tx.send_modify(|n| *n = n.wrapping_add(1));
        }
    }

    /// Wakes `topics` here and, on PostgreSQL, on every instance. A failed
    /// notify is logged and otherwise ignored: the pages poll anyway.
    pub async fn wake(&self, db: &Db, topics: &[String]) {
        for t in topics {
            self.wake_here(t);
        }
        if db.backend == Backend::Postgres && !topics.is_empty() {
            let payload = topics.join(" ");
            let sent = sqlx::query("select pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(payload)
                .execute(&db.pool)
                .await;
            if let Err(e) = sent {
                // At debug: a failed notify follows a client's act.
                tracing::debug!(error = %e, "chat notify failed");
            }
        }
    }
}

/// On PostgreSQL: listens for other instances' wake-ups for as long as the
/// server runs, reconnecting after a failure (and then waking every page
/// here, which may have missed one).
pub fn listen(hub: std::sync::Arc<Hub>, url: String) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match sqlx::postgres::PgListener::connect(&url).await {
                Ok(mut listener) => {
                    if let Err(e) = listener.listen(CHANNEL).await {
                        tracing::warn!(error = %e, "chat listener could not listen");
                    } else {
                        hub.wake_all_here();
                        loop {
                            match listener.try_recv().await {
                                Ok(Some(n)) => {
                                    for topic in n.payload().split(' ') {
                                        hub.wake_here(topic);
                                    }
                                }
                                // The connection was lost; `try_recv`
                                // reconnects on the next call.
                                Ok(None) => hub.wake_all_here(),
                                Err(e) => {
                                    tracing::warn!(error = %e, "chat listener failed");
                                    break;
                                }
                            }
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "chat listener could not connect"),
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    })
}
