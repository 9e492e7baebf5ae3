//! A form token is `issued.nonce.mac`: the second it was served, 128 random
//! bits, and an HMAC over both and the form it belongs to. It proves the
//! form came from this server, how long ago, and for which service; the
//! nonce makes it single-use: a form taken once records the nonce's keyed
//! hash (`abuse::spent`), and the same form sent again (Back, Reload) is
//! refused as expired.

use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::Sha256;
use zeroize::Zeroizing;

type HmacSha256 = Hmac<Sha256>;

pub struct FormKey {
    keyed: HmacSha256,
    min_fill: u64,
    max_age: u64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum TokenCheck {
    Valid,
    /// Sent back sooner than a person fills the form: ask again.
    TooFast,
    /// Older than the maximum age, forged, or for another form.
    Invalid,
}

impl FormKey {
    pub fn new(
        key: Zeroizing<[u8; 32]>,
        min_fill: u64,
        max_age: u64,
    ) -> Result<FormKey, hmac::digest::InvalidLength> {
        Ok(FormKey {
            keyed: <HmacSha256 as Mac>::new_from_slice(&key[..])?,
            min_fill,
            max_age,
        })
    }

    fn mac(&self, scope: &str, issued: u64, nonce: &str) -> HmacSha256 {
        let mut mac = self.keyed.clone();
        mac.update(b"suoja/v2/form\0");
        mac.update(scope.as_bytes());
        mac.update(b"\0");
        mac.update(&issued.to_be_bytes());
        mac.update(nonce.as_bytes());
        mac
    }

    pub fn issue(&self, scope: &str, now: u64) -> String {
        let mut nonce = [0u8; 16];
        OsRng.fill_bytes(&mut nonce);
        let nonce = crate::seal::hex(&nonce);
        let tag = self.mac(scope, now, &nonce).finalize().into_bytes();
        format!("{now}.{nonce}.{}", crate::seal::hex(&tag))
    }

    /// The nonce of a token, as a keyed hash: what is recorded when its
    /// form is taken. A database thief without the pepper cannot tell which
    /// token (seen in a browser's history, say) a row is about. None for
    /// anything that is not a token's shape.
    pub fn nonce_hash(&self, token: &str) -> Option<String> {
        let nonce = token.split('.').nth(1).filter(|n| n.len() == 32)?;
        let mut mac = self.keyed.clone();
        mac.update(b"suoja/v2/spent-nonce\0");
        mac.update(nonce.as_bytes());
        Some(crate::seal::hex(&mac.finalize().into_bytes()))
    }

    /// The keyed hash of something a client may do once only (rate a
    /// case: `feedback:{case id}`), stored as a spent nonce is: without
    /// the pepper nobody can tell which case a row is about, nor tell it
    /// from a spent form nonce but by its later last day.
    pub fn once_hash(&self, what: &str) -> String {
        let mut mac = self.keyed.clone();
        mac.update(b"suoja/v2/once\0");
        mac.update(what.as_bytes());
        crate::seal::hex(&mac.finalize().into_bytes())
    }

    /// The seconds after which a token is too old to be taken, whatever
    /// its nonce: spent nonces need keeping no longer.
    pub fn max_age(&self) -> u64 {
        self.max_age
    }

    pub fn check(&self, scope: &str, token: &str, now: u64) -> TokenCheck {
        let mut parts = token.split('.');
        let (Some(issued), Some(nonce), Some(tag), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return TokenCheck::Invalid;
        };
        let (Ok(issued), Some(tag)) = (
            issued.parse::<u64>(),
            crate::seal::unhex(tag).filter(|t| t.len() == 32),
        ) else {
            return TokenCheck::Invalid;
        };
        if nonce.len() != 32 || self.mac(scope, issued, nonce).verify_slice(&tag).is_err() {
            return TokenCheck::Invalid;
        }
        let age = now.saturating_sub(issued);
        if issued > now + 60 || age > self.max_age {
            TokenCheck::Invalid
        } else if age < self.min_fill {
            TokenCheck::TooFast
        } else {
            TokenCheck::Valid
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> FormKey {
        FormKey::new(Zeroizing::new([1; 32]), 3, 3600).unwrap()
    }

    #[test]
    fn a_token_is_valid_for_its_form_after_the_fill_time_until_it_expires() {
        let k = key();
        let t = k.issue("contact:helpline", 1000);
        assert_eq!(k.check("contact:helpline", &t, 1001), TokenCheck::TooFast);
        assert_eq!(k.check("contact:helpline", &t, 1003), TokenCheck::Valid);
        assert_eq!(k.check("contact:other", &t, 1003), TokenCheck::Invalid);
        assert_eq!(
            k.check("contact:helpline", &t, 1000 + 3601),
            TokenCheck::Invalid
        );
    }

    #[test]
    fn forged_or_malformed_tokens_are_invalid() {
        let k = key();
        let t = k.issue("s", 1000);
        let forged = t.replacen("1000", "999", 1);
        let (issued, rest) = t.split_once('.').unwrap();
        let (_, tag) = rest.split_once('.').unwrap();
        let other_nonce = format!("{issued}.{}.{tag}", "0".repeat(32));
        let old_shape = format!("{issued}.{tag}");
        for bad in [
            "",
            "x",
            "1000.",
            "1000.zz",
            "1000..",
            &forged,
            &other_nonce,
            &old_shape,
        ] {
            assert_eq!(k.check("s", bad, 1500), TokenCheck::Invalid, "{bad}");
        }
        let other = FormKey::new(Zeroizing::new([2; 32]), 3, 3600).unwrap();
        assert_eq!(other.check("s", &t, 1500), TokenCheck::Invalid);
    }

    #[test]
    fn each_token_has_its_own_nonce_whose_hash_is_keyed() {
        let k = key();
        let (a, b) = (k.issue("s", 1000), k.issue("s", 1000));
        assert_ne!(a, b);
        let hash = k.nonce_hash(&a).unwrap();
        assert_eq!(hash.len(), 64);
        assert_ne!(Some(&hash), k.nonce_hash(&b).as_ref());
        let nonce = a.split('.').nth(1).unwrap();
        assert!(!hash.contains(nonce));
        let other = FormKey::new(Zeroizing::new([2; 32]), 3, 3600).unwrap();
        assert_ne!(other.nonce_hash(&a), Some(hash));
        assert_eq!(k.nonce_hash("1000.zz.x"), None);
    }
}
