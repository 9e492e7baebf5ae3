//! Every few seconds, on every instance: a client with no sign of life
//! for `chat.gone_after_seconds` is shown as gone (a later sign clears
//! it); one gone for `chat.end_after_minutes` has their chat ended; ended
//! rows whose client never came back go after the day; duty of people
//! with no session left goes. No time is stored for any of this: each
//! instance remembers, in memory, since when it has seen a chat's sign
//! count unchanged. Every step is a conditional statement, so instances
//! sweeping at once agree.

use std::collections::HashMap;
use std::time::Duration;

use tokio::time::Instant;

use super::store;
use super::topics_of;
use crate::app::AppState;

const EVERY: Duration = Duration::from_secs(5);

pub fn start(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut seen: HashMap<String, (i64, Instant)> = HashMap::new();
        let mut ticks: u64 = 0;
        loop {
            tokio::time::sleep(EVERY).await;
            if let Err(e) = sweep(&state, &mut seen, ticks).await {
                tracing::warn!(error = %e, "chat sweep failed");
            }
            ticks += 1;
        }
    })
}

async fn sweep(
    state: &AppState,
    seen: &mut HashMap<String, (i64, Instant)>,
    ticks: u64,
) -> Result<(), sqlx::Error> {
    let gone_after = Duration::from_secs(state.config.chat.gone_after_seconds);
    let end_after = Duration::from_secs(state.config.chat.end_after_minutes * 60);
    let live = store::all_live(&state.db).await?;
    let now = Instant::now();
    let ids: std::collections::HashSet<&str> = live.iter().map(|c| c.id.as_str()).collect();
    seen.retain(|id, _| ids.contains(id.as_str()));
    for chat in &live {
        let entry = seen.entry(chat.id.clone()).or_insert((chat.sign, now));
        if entry.0 != chat.sign {
            *entry = (chat.sign, now);
            continue;
        }
        let quiet = now.duration_since(entry.1);
        if quiet >= end_after {
            let keep = store::settings(&state.db, &chat.service)
                .await?
                .keep_transcript;
            if store::end(&state.db, &chat.id, "gone", keep).await? {
                tracing::debug!("a chat ended: its client was gone");
                state.chat.hub.wake(&state.db, &topics_of(chat)).await;
            }
        } else if quiet >= gone_after
            && !chat.gone
            && store::mark_gone(&state.db, &chat.id, chat.sign).await?
        {
            state.chat.hub.wake(&state.db, &topics_of(chat)).await;
        }
    }
    // Once a minute: old ended rows and stale duty.
    if ticks.is_multiple_of(12) {
        store::forget_old(&state.db).await?;
        if store::drop_stale_duty(&state.db).await? > 0 {
            let topics: Vec<String> = state
                .services
                .current()
                .iter()
                .map(|s| super::queue_topic(&s.slug))
                .collect();
            state.chat.hub.wake(&state.db, &topics).await;
        }
    }
    Ok(())
}
