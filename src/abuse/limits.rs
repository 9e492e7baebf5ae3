//! Rate limits. A client is known only by a keyed hash of its network (the
//! /32 or /24 of IPv4, the /64 of IPv6) under a secret that lives in memory
//! and is replaced every day; neither the address nor the hash is stored.
//! Per-service and global limits back these up for clients that share an
//! address, as Tor users do.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::RwLock;

use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::config::Limits;

/// A client's network, as an opaque key valid for one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientNet([u8; 16]);

struct DailySecret {
    day: i64,
    key: Zeroizing<[u8; 32]>,
}

pub struct Limiters {
    secret: RwLock<DailySecret>,
    ipv4_prefix: u8,
    submissions: DefaultKeyedRateLimiter<ClientNet>,
    service_submissions: DefaultKeyedRateLimiter<String>,
    lookups: DefaultKeyedRateLimiter<ClientNet>,
    all_lookups: DefaultDirectRateLimiter,
    logins: DefaultKeyedRateLimiter<ClientNet>,
    account_logins: DefaultKeyedRateLimiter<String>,
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

impl Limiters {
    pub fn new(limits: &Limits) -> Limiters {
        Limiters {
            secret: RwLock::new(DailySecret {
                day: day_number(),
                key: fresh_secret(),
            }),
            ipv4_prefix: limits.ipv4_prefix,
            submissions: RateLimiter::keyed(Quota::per_hour(n(
                limits.submissions_per_client_per_hour
            ))),
            service_submissions: RateLimiter::keyed(Quota::per_minute(n(
                limits.submissions_per_service_per_minute
            ))),
            lookups: RateLimiter::keyed(Quota::per_hour(n(limits.lookups_per_client_per_hour))),
            all_lookups: RateLimiter::direct(Quota::per_minute(n(limits.lookups_per_minute))),
            logins: RateLimiter::keyed(Quota::per_hour(n(limits.logins_per_client_per_hour))),
            account_logins: RateLimiter::keyed(Quota::per_hour(n(
                limits.logins_per_account_per_hour
            ))),
            all_logins: RateLimiter::direct(Quota::per_minute(n(limits.logins_per_minute))),
        }
    }

    /// The opaque key of the network `ip` belongs to.
    pub fn client_net(&self, ip: IpAddr) -> ClientNet {
        let network: Vec<u8> = match ip {
            IpAddr::V4(v4) => {
                let mut o = v4.octets();
                if self.ipv4_prefix == 24 {
                    o[3] = 0;
                }
                o.to_vec()
            }
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => return self.client_net(IpAddr::V4(v4)),
                None => v6.octets()[..8].to_vec(),
            },
        };
        self.rotate_if_new_day();
        let secret = self.secret.read().unwrap_or_else(|e| e.into_inner());
        let mut out = [0u8; 16];
        if let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&secret.key[..]) {
            mac.update(&network);
            out.copy_from_slice(&mac.finalize().into_bytes()[..16]);
        }
        ClientNet(out)
    }

    fn rotate_if_new_day(&self) {
        let today = day_number();
        if self.secret.read().is_ok_and(|s| s.day == today) {
            return;
        }
        let mut secret = self.secret.write().unwrap_or_else(|e| e.into_inner());
        if secret.day != today {
            *secret = DailySecret {
                day: today,
                key: fresh_secret(),
            };
        }
    }

    /// May this client send a request to this service now?
    pub fn allow_submission(&self, client: ClientNet, service: &str) -> bool {
        self.submissions.check_key(&client).is_ok()
            && self
                .service_submissions
                .check_key(&service.to_owned())
                .is_ok()
    }

    /// May this client look up a receipt now?
    pub fn allow_lookup(&self, client: ClientNet) -> bool {
        self.lookups.check_key(&client).is_ok() && self.all_lookups.check().is_ok()
    }

    /// May this client try to log in as `username` now? Both the client's
    /// quota and the account's (from anywhere) must allow it.
    pub fn allow_login(&self, client: ClientNet, username: &str) -> bool {
        self.logins.check_key(&client).is_ok()
            && self.all_logins.check().is_ok()
            && self
                .account_logins
                .check_key(&username.to_lowercase())
                .is_ok()
    }

    /// Forgets keys whose quota has refilled, so memory stays bounded.
    pub fn forget_idle(&self) {
        self.submissions.retain_recent();
        self.submissions.shrink_to_fit();
        self.service_submissions.retain_recent();
        self.lookups.retain_recent();
        self.lookups.shrink_to_fit();
        self.logins.retain_recent();
        self.account_logins.retain_recent();
        self.account_logins.shrink_to_fit();
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

    #[test]
    fn one_client_past_its_quota_is_refused_while_another_is_not() {
        let l = Limiters::new(&limits(2));
        let a = l.client_net("192.0.2.1".parse().unwrap());
        let b = l.client_net("192.0.2.2".parse().unwrap());
        assert!(l.allow_submission(a, "s"));
        assert!(l.allow_submission(a, "s"));
        assert!(!l.allow_submission(a, "s"));
        assert!(l.allow_submission(b, "s"));
        assert!(l.allow_lookup(a) && l.allow_lookup(a) && !l.allow_lookup(a));
    }

    #[test]
    fn an_ipv6_client_is_its_64_and_an_ipv4_client_its_address() {
        let l = Limiters::new(&limits(2));
        let x = l.client_net("2001:db8:1:2:aaaa::1".parse().unwrap());
        let y = l.client_net("2001:db8:1:2:bbbb::9".parse().unwrap());
        let z = l.client_net("2001:db8:1:3::1".parse().unwrap());
        assert_eq!(x, y);
        assert_ne!(x, z);
        let p = l.client_net("192.0.2.1".parse().unwrap());
        let q = l.client_net("::ffff:192.0.2.1".parse().unwrap());
        assert_eq!(p, q);
        assert_ne!(p, l.client_net("192.0.2.3".parse().unwrap()));
    }

    #[test]
    fn with_a_24_prefix_neighbours_share_a_key() {
        let l = Limiters::new(&Limits {
            ipv4_prefix: 24,
            ..Limits::default()
        });
        assert_eq!(
            l.client_net("192.0.2.1".parse().unwrap()),
            l.client_net("192.0.2.200".parse().unwrap())
        );
    }
}
