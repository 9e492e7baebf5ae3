//! A form token is `issued.mac`: the second it was served and an HMAC over
//! that time and the form it belongs to. It proves the form came from this
//! server, how long ago, and for which service. It is not single-use: rate
//! limits bound how often one can be replayed.

use hmac::{Hmac, Mac};
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

    fn mac(&self, scope: &str, issued: u64) -> HmacSha256 {
        let mut mac = self.keyed.clone();
        mac.update(b"suoja/v1/form\0");
        mac.update(scope.as_bytes());
        mac.update(b"\0");
        mac.update(&issued.to_be_bytes());
        mac
    }

    pub fn issue(&self, scope: &str, now: u64) -> String {
        let tag = self.mac(scope, now).finalize().into_bytes();
        format!("{now}.{}", crate::seal::hex(&tag))
    }

    pub fn check(&self, scope: &str, token: &str, now: u64) -> TokenCheck {
        let Some((issued, tag)) = token.split_once('.') else {
            return TokenCheck::Invalid;
        };
        let (Ok(issued), Some(tag)) = (
            issued.parse::<u64>(),
            crate::seal::unhex(tag).filter(|t| t.len() == 32),
        ) else {
            return TokenCheck::Invalid;
        };
        if self.mac(scope, issued).verify_slice(&tag).is_err() {
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
        for bad in ["", "x", "1000.", "1000.zz", &forged] {
            assert_eq!(k.check("s", bad, 1500), TokenCheck::Invalid, "{bad}");
        }
        let other = FormKey::new(Zeroizing::new([2; 32]), 3, 3600).unwrap();
        assert_eq!(other.check("s", &t, 1500), TokenCheck::Invalid);
    }
}
