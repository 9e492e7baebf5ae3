//! Rate limits. A client is known only by a keyed hash of its network (the
//! /24 of IPv4 by default, the /64 of IPv6) under a secret that lives in
//! memory and is replaced every day; neither the address nor the hash is
//! stored on disk. Per-service and global limits back these up for clients
//! that share an address, as Tor users do.
//!
//! With `limits.shared_store` the per-network, per-account and per-service
//! limits are counted in Redis (`shared.rs`) under a daily secret all
//! instances share, so N instances give a network the configured quota, not
//! N times it; without it, or while the store is down, each instance counts
//! on its own, in memory, with the same algorithm. The limits that bound
//! this instance's own work (password checks, receipt look-ups in all) stay
//! per instance.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::Sha256;
use zeroize::Zeroizing;

use super::shared::{SharedStore, Step, parse_url};
use crate::config::Limits;

const HOUR: Duration = Duration::from_secs(3600);
const MINUTE: Duration = Duration::from_secs(60);

/// A network that has tried an account at most this many times in the hour
/// (this try included) may still try it when the account's cap is spent.
const FRESH_NETWORK_TRIES: u64 = 3;

/// A client's network (its address cut to the configured prefix), held
/// only while a request is served. Its `Debug` shows nothing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ClientNet([u8; 16]);

impl std::fmt::Debug for ClientNet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ClientNet(..)")
    }
}

struct DailySecret {
    day: i64,
    key: Zeroizing<[u8; 32]>,
}

pub struct Limiters {
    secret: RwLock<DailySecret>,
    limits: Limits,
    local: Buckets,
    shared: Option<SharedStore>,
    all_lookups: DefaultDirectRateLimiter,
    all_logins: DefaultDirectRateLimiter,
}

fn n(v: u32) -> NonZeroU32 {
    NonZeroU32::new(v.max(1)).unwrap_or(NonZeroU32::MIN)
}

fn day_number() -> i64 {
    jiff::Timestamp::now().as_second().div_euclid(86_400)
}

fn fresh_secret() -> Zeroizing<[u8; 32]> {
    let mut key = Zeroizing::new([0u8; 32]);
    OsRng.fill_bytes(&mut key[..]);
    key
}

/// The 16-byte key of one limit's bucket: HMAC-SHA256 under a daily secret
/// of the limit's name and its parts (a network, an account name), each
/// length-prefixed. The limit's name is inside, so a key does not say which
/// limit it counts.
fn derive(secret: &[u8], limit: &str, parts: &[&[u8]]) -> [u8; 16] {
    let mut out = [0u8; 16];
    if let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(secret) {
        mac.update(limit.as_bytes());
        for part in parts {
            mac.update(&(part.len() as u32).to_be_bytes());
            mac.update(part);
        }
        out.copy_from_slice(&mac.finalize().into_bytes()[..16]);
    }
    out
}

impl Limiters {
    /// Per-instance limits only (unit tests; `start` in the server).
    pub fn new(limits: &Limits) -> Limiters {
        Limiters {
            secret: RwLock::new(DailySecret {
                day: day_number(),
                key: fresh_secret(),
            }),
            limits: limits.clone(),
            local: Buckets::default(),
            shared: None,
            all_lookups: RateLimiter::direct(Quota::per_minute(n(limits.lookups_per_minute))),
            all_logins: RateLimiter::direct(Quota::per_minute(n(limits.logins_per_minute))),
        }
    }

    /// The limits, shared through `limits.shared_store` when it is set. A
    /// store that keeps data on disk (or will not say) is refused.
    pub async fn start(limits: &Limits) -> Result<Limiters, String> {
        let mut limiters = Limiters::new(limits);
        if let Some(url) = &limits.shared_store {
            let addr = parse_url(url).ok_or("limits.shared_store: expected redis://HOST:PORT")?;
            let store = SharedStore::start(&addr)
                .await
                .map_err(|e| format!("limits.shared_store: {e}"))?;
            limiters.shared = Some(store);
        }
        Ok(limiters)
    }

    /// The network `ip` belongs to.
    pub fn client_net(&self, ip: IpAddr) -> ClientNet {
        let mut net = [0u8; 16];
        match ip {
            IpAddr::V4(v4) => {
                let mut o = v4.octets();
                if self.limits.ipv4_prefix == 24 {
                    o[3] = 0;
                }
                // Tagged, so no IPv4 network equals an IPv6 one.
                net[..4].copy_from_slice(&o);
                net[15] = 4;
            }
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => return self.client_net(IpAddr::V4(v4)),
                None => net[..8].copy_from_slice(&v6.octets()[..8]),
            },
        }
        ClientNet(net)
    }

    fn local_secret(&self) -> Zeroizing<[u8; 32]> {
        let today = day_number();
        if let Ok(s) = self.secret.read()
            && s.day == today
        {
            return s.key.clone();
        }
        let mut secret = self.secret.write().unwrap_or_else(|e| e.into_inner());
        if secret.day != today {
            *secret = DailySecret {
                day: today,
                key: fresh_secret(),
            };
        }
        secret.key.clone()
    }

    /// One step of one limit: in the shared store when there is one and it
    /// answers, else in this instance's memory.
    async fn step(&self, limit: &str, parts: &[&[u8]], quota: u32, period: Duration) -> Step {
        if let Some(shared) = &self.shared
            && let Some(secret) = shared.secret().await
            && let Some(step) = shared
                .step(&derive(&secret[..], limit, parts), quota, period)
                .await
        {
            return step;
        }
        let key = derive(&self.local_secret()[..], limit, parts);
        self.local.step(key, quota, period)
    }

    async fn allow(&self, limit: &str, parts: &[&[u8]], quota: u32, period: Duration) -> bool {
        self.step(limit, parts, quota, period).await.allowed
    }

    /// May this client send a request to this service now?
    pub async fn allow_submission(&self, client: ClientNet, service: &str) -> bool {
        let l = &self.limits;
        self.allow(
            "submission",
            &[&client.0],
            l.submissions_per_client_per_hour,
            HOUR,
        )
        .await
            && self
                .allow(
                    "service-submission",
                    &[service.as_bytes()],
                    l.submissions_per_service_per_minute,
                    MINUTE,
                )
                .await
    }

    /// May this client say one more line in chat `chat` now? A quota per
    /// chat, and one per network for all its chats.
    pub async fn allow_chat_message(&self, client: ClientNet, chat: &str) -> bool {
        let l = &self.limits;
        self.allow(
            "chat-message",
            &[chat.as_bytes()],
            l.chat_messages_per_minute,
            MINUTE,
        )
        .await
            && self
                .allow(
                    "chat-network",
                    &[&client.0],
                    l.chat_messages_per_client_per_minute,
                    MINUTE,
                )
                .await
    }

    /// May this client look up a receipt now?
    pub async fn allow_lookup(&self, client: ClientNet) -> bool {
        self.allow(
            "lookup",
            &[&client.0],
            self.limits.lookups_per_client_per_hour,
            HOUR,
        )
        .await
            && self.all_lookups.check().is_ok()
    }

    /// May this client try to log in as `username` now? The client's
    /// network has a quota for all names and one for this name. The account
    /// has a cap from everywhere; once a stranger has spent it, a network
    /// that has not been trying this name (a counsellor's) may still try,
    /// within a small allowance of its own, so nobody can lock a person out
    /// from one network while guesses at a name stay capped in all. Last,
    /// this instance's cap on password checks.
    pub async fn allow_login(&self, client: ClientNet, username: &str) -> bool {
        let l = &self.limits;
        let account = username.to_lowercase();
        let account = account.as_bytes();
        if !self
            .allow("login", &[&client.0], l.logins_per_client_per_hour, HOUR)
            .await
        {
            return false;
        }
        let pair = self
            .step(
                "login-account-network",
                &[account, &client.0],
                l.logins_per_account_per_network_per_hour,
                HOUR,
            )
            .await;
        if !pair.allowed {
            return false;
        }
        let capped = !self
            .allow(
                "login-account",
                &[account],
                l.logins_per_account_per_hour,
                HOUR,
            )
            .await;
        if capped
            && (pair.used > FRESH_NETWORK_TRIES
                || !self
                    .allow(
                        "login-account-fresh",
                        &[account],
                        l.logins_per_account_from_fresh_networks_per_hour,
                        HOUR,
                    )
                    .await)
        {
            return false;
        }
        self.all_logins.check().is_ok()
    }

    /// Forgets buckets that are full again, so memory stays bounded.
    pub fn forget_idle(&self) {
        self.local.forget_full();
    }
}

/// This instance's buckets: the GCRA of `shared.rs`, in memory.
struct Buckets {
    /// Theoretical arrival time of each bucket, in ms since `started`.
    tat: Mutex<HashMap<[u8; 16], u64>>,
    started: Instant,
}

impl Default for Buckets {
    fn default() -> Self {
        Buckets {
            tat: Mutex::new(HashMap::new()),
            started: Instant::now(),
        }
    }
}

impl Buckets {
    fn now(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    fn step(&self, key: [u8; 16], quota: u32, period: Duration) -> Step {
        let now = self.now();
        let period = period.as_millis() as u64;
        let interval = (period / u64::from(quota.max(1))).max(1);
        let mut map = self.tat.lock().unwrap_or_else(|e| e.into_inner());
        let tat = map.get(&key).copied().unwrap_or(now).max(now);
        let after = tat + interval;
        if after - now > period {
            return Step {
                allowed: false,
                used: (tat - now).div_ceil(interval),
            };
        }
        map.insert(key, after);
        Step {
            allowed: true,
            used: (after - now).div_ceil(interval),
        }
    }

    fn forget_full(&self) {
        let now = self.now();
        let mut map = self.tat.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, tat| *tat > now);
        map.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(per_hour: u32) -> Limits {
        Limits {
            submissions_per_client_per_hour: per_hour,
            lookups_per_client_per_hour: per_hour,
            ..Limits::default()
        }
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[tokio::test]
    async fn one_client_past_its_quota_is_refused_while_another_is_not() {
        let l = Limiters::new(&Limits {
            ipv4_prefix: 32,
            ..limits(2)
        });
        let a = l.client_net(ip("192.0.2.1"));
        let b = l.client_net(ip("192.0.2.2"));
        assert!(l.allow_submission(a, "s").await);
        assert!(l.allow_submission(a, "s").await);
        assert!(!l.allow_submission(a, "s").await);
        assert!(l.allow_submission(b, "s").await);
        assert!(l.allow_lookup(a).await && l.allow_lookup(a).await);
        assert!(!l.allow_lookup(a).await);
    }

    #[test]
    fn an_ipv6_client_is_its_64_and_an_ipv4_client_its_24_by_default() {
        let l = Limiters::new(&limits(2));
        let x = l.client_net(ip("2001:db8:1:2:aaaa::1"));
        assert_eq!(x, l.client_net(ip("2001:db8:1:2:bbbb::9")));
        assert_ne!(x, l.client_net(ip("2001:db8:1:3::1")));
        let p = l.client_net(ip("192.0.2.1"));
        assert_eq!(p, l.client_net(ip("::ffff:192.0.2.1")));
        assert_eq!(p, l.client_net(ip("192.0.2.200")));
        assert_ne!(p, l.client_net(ip("192.0.3.1")));
        assert_ne!(
            l.client_net(ip("192.0.2.0")),
            l.client_net(ip("c000:0200::")),
            "an IPv4 network is never an IPv6 one"
        );
    }

    #[test]
    fn with_a_32_prefix_each_ipv4_address_is_a_client() {
        let l = Limiters::new(&Limits {
            ipv4_prefix: 32,
            ..Limits::default()
        });
        assert_ne!(l.client_net(ip("192.0.2.1")), l.client_net(ip("192.0.2.2")));
    }

    #[test]
    fn a_bucket_allows_its_quota_at_once_then_one_per_interval() {
        let b = Buckets::default();
        let key = [7u8; 16];
        let period = Duration::from_millis(300);
        let steps: Vec<_> = (0..4).map(|_| b.step(key, 3, period)).collect();
        assert_eq!(
            steps.iter().map(|s| s.allowed).collect::<Vec<_>>(),
            [true, true, true, false]
        );
        assert_eq!(steps[0].used, 1);
        assert_eq!(steps[2].used, 3);
        std::thread::sleep(Duration::from_millis(110));
        assert!(b.step(key, 3, period).allowed, "one refilled");
        assert!(!b.step(key, 3, period).allowed);
        std::thread::sleep(Duration::from_millis(320));
        b.forget_full();
        assert!(
            b.tat.lock().unwrap().is_empty(),
            "a full bucket is forgotten"
        );
    }

    #[tokio::test]
    async fn a_stranger_guessing_from_two_networks_does_not_lock_the_account() {
        let l = Limiters::new(&Limits {
            ipv4_prefix: 32,
            logins_per_account_per_hour: 15,
            logins_per_account_per_network_per_hour: 10,
            logins_per_account_from_fresh_networks_per_hour: 5,
            ..Limits::default()
        });
        let mut allowed = 0;
        for stranger in ["198.51.100.1", "198.51.100.2"] {
            for _ in 0..30 {
                allowed += u32::from(l.allow_login(l.client_net(ip(stranger)), "Anna").await);
            }
        }
        assert_eq!(allowed, 15, "the account's cap, then no more from them");
        let anna = l.client_net(ip("203.0.113.9"));
        assert!(l.allow_login(anna, "anna").await, "anna's own network");
        // From many networks, a few tries each: the cap and the allowance.
        for i in 0..100u8 {
            let net = l.client_net(ip(&format!("192.0.2.{i}")));
            for _ in 0..3 {
                allowed += u32::from(l.allow_login(net, "anna").await);
            }
        }
        assert_eq!(allowed + 1, 15 + 5, "at most cap + allowance in the hour");
    }
}
