//! The rate-limit state several instances share: counters in Redis, keyed
//! with a daily secret that lives in Redis's memory only (and in the
//! instances'), so that one network gets the configured quota over all
//! instances, not once per instance. Redis must keep nothing on disk: every
//! new connection checks that RDB snapshots and the AOF are off.
//!
//! When Redis does not answer, the caller falls back to its own
//! per-instance limits; the outage is logged once, and its end once.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rand::RngCore;
use rand::rngs::OsRng;
use zeroize::Zeroizing;

#[cfg(test)]
use super::resp::read_reply;
use super::resp::{Conn, Reply};

/// Connections kept open to the store; requests take turns on them.
const CONNECTIONS: usize = 4;
/// How long a connection attempt or a command may take before the store
/// counts as unreachable for this request.
const TIMEOUT: Duration = Duration::from_millis(500);
/// While the store is down, how often a request may try it again.
const RETRY: Duration = Duration::from_secs(1);
/// Key prefix of everything suoja keeps in the store.
const PREFIX: &str = "suoja:rl:";

/// One generic cell rate (GCRA) step, as governor does it in memory: the
/// key holds the theoretical arrival time in ms; a request is allowed when
/// that time, one interval on, is within one period of now, which gives a
/// burst of `quota` and a refill of `quota` per period. The key expires
/// when its bucket is full again, so nothing outlives the limit's window.
/// Returns {allowed, requests counted in the bucket after this one}.
const GCRA: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local period = tonumber(ARGV[1])
local interval = period / tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local after = tat + interval
if after - now > period then
  return {0, math.ceil((tat - now) / interval)}
end
redis.call('SET', KEYS[1], string.format('%d', math.ceil(after)), 'PX', math.max(1, math.ceil(after - now)))
return {1, math.ceil((after - now) / interval)}
";

/// What a limit check in the store answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub allowed: bool,
    /// Requests in the bucket now (this one included when allowed).
    pub used: u64,
}

/// Why the store cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no answer: {0}")]
    Io(#[from] std::io::Error),
    #[error("it keeps data on disk ({0}): turn RDB snapshots and the AOF off")]
    Persistent(String),
    #[error("cannot check that it keeps nothing on disk: CONFIG GET answered {0}")]
    Unchecked(String),
    #[error("unexpected answer to {0}")]
    Protocol(&'static str),
}

pub struct SharedStore {
    addr: String,
    slots: Vec<tokio::sync::Mutex<Option<Conn>>>,
    next: AtomicUsize,
    /// Today's secret as the store holds it: (day number, key).
    secret: Mutex<Option<(i64, Zeroizing<[u8; 32]>)>>,
    down: AtomicBool,
    /// While down: ms since `started` before which no request tries again.
    retry_at: AtomicU64,
    started: Instant,
}

/// `redis://HOST:PORT` (a trailing `/` allowed) as `HOST:PORT`.
pub fn parse_url(url: &str) -> Option<String> {
    let rest = url.strip_prefix("redis://")?.trim_end_matches('/');
    let (host, port) = rest.rsplit_once(':')?;
    let valid = !host.is_empty()
        && !host.contains(['@', '/', '?', '#'])
        && port.parse::<u16>().is_ok_and(|p| p > 0);
    valid.then(|| rest.to_owned())
}

fn day_number() -> i64 {
    jiff::Timestamp::now().as_second().div_euclid(86_400)
}

fn hex(bytes: &[u8]) -> String {
    base16ct::lower::encode_string(bytes)
}

impl SharedStore {
    /// Checks the store at `addr` (`HOST:PORT`). A store that answers but
    /// keeps data on disk, or will not say, is refused; one that does not
    /// answer yet is used once it does (per-instance limits until then).
    pub async fn start(addr: &str) -> Result<SharedStore, StoreError> {
        let store = SharedStore {
            addr: addr.to_owned(),
            slots: (0..CONNECTIONS)
                .map(|_| tokio::sync::Mutex::new(None))
                .collect(),
            next: AtomicUsize::new(0),
            secret: Mutex::new(None),
            down: AtomicBool::new(false),
            retry_at: AtomicU64::new(0),
            started: Instant::now(),
        };
        match open(addr).await {
            Ok(conn) => *store.slots[0].lock().await = Some(conn),
            Err(StoreError::Io(e)) => store.went_down(&StoreError::Io(e)),
            Err(e) => return Err(e),
        }
        Ok(store)
    }

    /// One limit step for `key` (16 bytes under today's shared secret, made
    /// by `derive`), or `None` when the store cannot be used now.
    pub async fn step(&self, key: &[u8], quota: u32, period: Duration) -> Option<Step> {
        let name = format!("{PREFIX}{}", hex(key));
        let period = period.as_millis().to_string();
        let quota = quota.max(1).to_string();
        let args: [&[u8]; 6] = [
            b"EVAL",
            GCRA.as_bytes(),
            b"1",
            name.as_bytes(),
            period.as_bytes(),
            quota.as_bytes(),
        ];
        let reply = self.call(&args).await.ok()?;
        match reply {
            Reply::Array(Some(items)) => match items.as_slice() {
                [Reply::Int(allowed), Reply::Int(used)] => Some(Step {
                    allowed: *allowed == 1,
                    used: (*used).max(0) as u64,
                }),
                _ => None,
            },
            _ => None,
        }
    }

    /// Today's secret, shared by every instance: the first to need it
    /// makes it (`SET NX`), in the store's memory, expiring an hour after
    /// its day ends; the others read it.
    pub async fn secret(&self) -> Option<Zeroizing<[u8; 32]>> {
        let today = day_number();
        if let Some((day, key)) = &*self.secret.lock().unwrap_or_else(|e| e.into_inner())
            && *day == today
        {
            return Some(key.clone());
        }
        let name = format!("{PREFIX}secret:{today}");
        let mut fresh = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(&mut fresh[..]);
        let fresh = Zeroizing::new(hex(&fresh[..]));
        let left = (today + 1) * 86_400 - jiff::Timestamp::now().as_second() + 3600;
        let ttl = left.max(1).to_string();
        let set: [&[u8]; 6] = [
            b"SET",
            name.as_bytes(),
            fresh.as_bytes(),
            b"NX",
            b"EX",
            ttl.as_bytes(),
        ];
        self.call(&set).await.ok()?;
        let stored = Zeroizing::new(self.call(&[b"GET", name.as_bytes()]).await.ok()?.text()?);
        let mut key = Zeroizing::new([0u8; 32]);
        base16ct::lower::decode(stored.as_bytes(), &mut key[..]).ok()?;
        *self.secret.lock().unwrap_or_else(|e| e.into_inner()) = Some((today, key.clone()));
        Some(key)
    }

    /// One command on one of the connections, (re)connecting as needed.
    /// While the store is down, only one request a second tries it.
    async fn call(&self, args: &[&[u8]]) -> Result<Reply, StoreError> {
        if self.down.load(Ordering::Relaxed)
            && self.elapsed_ms() < self.retry_at.load(Ordering::Relaxed)
        {
            return Err(StoreError::Protocol("nothing: the store is down"));
        }
        let slot = self.next.fetch_add(1, Ordering::Relaxed) % CONNECTIONS;
        let mut guard = self.slots[slot].lock().await;
        // The connection is taken out while a command is on it and put back
        // only after its whole reply was read: if this request is dropped
        // half-way (its client went away), the connection is dropped with
        // it, so no later command can read this one's reply.
        let taken = guard.take();
        let result = async {
            let mut conn = match taken {
                Some(conn) => conn,
                None => open(&self.addr).await?,
            };
            match conn.call(args).await? {
                Reply::Error(_) => Err(StoreError::Protocol("a command")),
                reply => Ok((reply, conn)),
            }
        }
        .await;
        match result {
            Ok((reply, conn)) => {
                *guard = Some(conn);
                self.came_back();
                Ok(reply)
            }
            Err(e) => {
                self.went_down(&e);
                Err(e)
            }
        }
    }

    fn elapsed_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    fn went_down(&self, e: &StoreError) {
        let retry = self.elapsed_ms() + RETRY.as_millis() as u64;
        self.retry_at.store(retry, Ordering::Relaxed);
        if !self.down.swap(true, Ordering::Relaxed) {
            tracing::warn!(
                error = %e,
                "shared rate-limit store unusable: each instance limits on its own until it is back"
            );
        }
    }

    fn came_back(&self) {
        if self.down.swap(false, Ordering::Relaxed) {
            tracing::info!("shared rate-limit store is back: limits are shared again");
        }
    }
}

/// A new connection, used only if the store keeps nothing on disk.
async fn open(addr: &str) -> Result<Conn, StoreError> {
    let mut conn = Conn::connect(addr, TIMEOUT).await?;
    let save = config_get(&mut conn, "save").await?;
    if !save.trim().is_empty() {
        return Err(StoreError::Persistent(format!("save \"{save}\"")));
    }
    let aof = config_get(&mut conn, "appendonly").await?;
    if aof != "no" {
        return Err(StoreError::Persistent(format!("appendonly {aof}")));
    }
    Ok(conn)
}

async fn config_get(conn: &mut Conn, name: &str) -> Result<String, StoreError> {
    let reply = conn.call(&[b"CONFIG", b"GET", name.as_bytes()]).await?;
    match reply {
        Reply::Array(Some(items)) => match items.as_slice() {
            [_, value] => value.text().ok_or(StoreError::Protocol("CONFIG GET")),
            _ => Err(StoreError::Unchecked(format!("no value for {name}"))),
        },
        Reply::Error(e) => Err(StoreError::Unchecked(e)),
        _ => Err(StoreError::Protocol("CONFIG GET")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use tokio::io::{AsyncWriteExt, BufReader};
    use tokio::net::TcpListener;

    /// A stand-in for Redis: keeps nothing on disk, answers every `EVAL`
    /// with {1, n}, n counting all `EVAL`s it got; the first one after a
    /// pause.
    async fn fake_redis() -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        let evals = Arc::new(AtomicU64::new(0));
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let evals = evals.clone();
                tokio::spawn(async move {
                    let mut stream = BufReader::new(stream);
                    while let Ok(Reply::Array(Some(args))) = read_reply(&mut stream, 0).await {
                        let words: Vec<String> = args.iter().filter_map(Reply::text).collect();
                        let answer = match words.first().map(String::as_str) {
                            Some("CONFIG") if words[2] == "save" => {
                                "*2\r\n$4\r\nsave\r\n$0\r\n\r\n".to_owned()
                            }
                            Some("CONFIG") => "*2\r\n$10\r\nappendonly\r\n$2\r\nno\r\n".to_owned(),
                            _ => {
                                let n = evals.fetch_add(1, Ordering::SeqCst) + 1;
                                if n == 1 {
                                    tokio::time::sleep(Duration::from_millis(300)).await;
                                }
                                format!("*2\r\n:1\r\n:{n}\r\n")
                            }
                        };
                        if stream.get_mut().write_all(answer.as_bytes()).await.is_err() {
                            break;
                        }
                    }
                });
            }
        });
        addr
    }

    #[tokio::test]
    async fn a_request_dropped_half_way_leaves_no_reply_for_the_next_one_to_read() {
        let store = SharedStore::start(&fake_redis().await).await.unwrap();
        let hour = Duration::from_secs(3600);
        let dropped = tokio::time::timeout(Duration::from_millis(50), store.step(b"k", 1, hour));
        assert!(dropped.await.is_err(), "the first answer is slow");
        // Round the connections back to the one the dropped request used.
        let mut used = Vec::new();
        for _ in 0..CONNECTIONS {
            used.push(store.step(b"k", 1, hour).await.unwrap().used);
        }
        assert_eq!(used, [2, 3, 4, 5], "each request reads its own answer");
    }

    #[test]
    fn only_a_plain_redis_url_with_a_port_is_taken() {
        assert_eq!(
            parse_url("redis://127.0.0.1:6379").as_deref(),
            Some("127.0.0.1:6379")
        );
        assert_eq!(
            parse_url("redis://cache.internal:6380/").as_deref(),
            Some("cache.internal:6380")
        );
        for bad in [
            "127.0.0.1:6379",
            "rediss://h:1",
            "redis://h",
            "redis://:1",
            "redis://u:pw@h:1",
            "redis://h:0",
            "redis://h:1/2",
        ] {
            assert_eq!(parse_url(bad), None, "{bad}");
        }
    }
}
