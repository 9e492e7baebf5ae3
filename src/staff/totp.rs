//! Time-based one-time passwords (RFC 6238): HMAC-SHA1, 30-second steps, six
//! digits, one step of clock drift either way. A code is accepted once: the
//! caller stores the step that matched and passes it back as `last_step`.

use data_encoding::{BASE32_NOPAD, Encoding};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha1::Sha1;
use zeroize::Zeroizing;

const STEP_SECONDS: u64 = 30;
const DIGITS: u32 = 6;
const SECRET_BYTES: usize = 20;

/// RFC 4648 base32 as apps show seeds, read leniently: either case, and
/// bits left over after the last whole byte are ignored.
const BASE32_LENIENT: Encoding = data_encoding_macro::new_encoding! {
    symbols: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
    translate_from: "abcdefghijklmnopqrstuvwxyz",
    translate_to: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    check_trailing_bits: false,
};

/// A TOTP seed. No `Debug`, no `Display`: it is shown once, as base32.
pub struct TotpSecret(Zeroizing<Vec<u8>>);

impl TotpSecret {
    pub fn generate() -> TotpSecret {
        let mut bytes = Zeroizing::new(vec![0u8; SECRET_BYTES]);
        OsRng.fill_bytes(&mut bytes);
        TotpSecret(bytes)
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<TotpSecret> {
        (bytes.len() >= 10 && bytes.len() <= 64).then(|| TotpSecret(Zeroizing::new(bytes.to_vec())))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The seed as authenticator apps take it: RFC 4648 base32, no padding.
    pub fn base32(&self) -> Zeroizing<String> {
        // Sized first, so the text is written once and never reallocated.
        let mut out = Zeroizing::new(String::with_capacity(BASE32_NOPAD.encode_len(self.0.len())));
        BASE32_NOPAD.encode_append(&self.0, &mut out);
        out
    }

    /// An `otpauth://` address for apps that take one.
    pub fn uri(&self, issuer: &str, account: &str) -> Zeroizing<String> {
        Zeroizing::new(format!(
            "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
            crate::web::percent(issuer),
            crate::web::percent(account),
            self.base32().as_str(),
            crate::web::percent(issuer),
        ))
    }

    /// Reads a base32 seed as apps show it (case, spaces and padding do not
    /// matter). A length no encoder gives (1, 3 or 6 symbols past a
    /// multiple of 8) is refused.
    pub fn from_base32(text: &str) -> Option<TotpSecret> {
        let mut symbols = Zeroizing::new(String::with_capacity(text.len()));
        symbols.extend(text.chars().filter(|c| !c.is_whitespace() && *c != '='));
        let mut out = Zeroizing::new(vec![0u8; BASE32_LENIENT.decode_len(symbols.len()).ok()?]);
        let written = BASE32_LENIENT
            .decode_mut(symbols.as_bytes(), &mut out)
            .ok()?;
        TotpSecret::from_bytes(out.get(..written)?)
    }

    /// The code for 30-second step `step` (unix time / 30).
    pub fn code_at(&self, step: u64) -> u32 {
        let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(&self.0) else {
            return u32::MAX; // HMAC takes keys of any length: not reached.
        };
        mac.update(&step.to_be_bytes());
        let digest = mac.finalize().into_bytes();
        let offset = usize::from(digest[19] & 0x0f);
        let value = u32::from_be_bytes([
            digest[offset] & 0x7f,
            digest[offset + 1],
            digest[offset + 2],
            digest[offset + 3],
        ]);
        value % 10u32.pow(DIGITS)
    }

    /// The step `code` matches at time `now` (unix seconds), if it is later
    /// than `last_step`. Spaces in the code are ignored.
    pub fn verify(&self, code: &str, now: u64, last_step: u64) -> Option<u64> {
        let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != DIGITS as usize || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let wanted: u32 = digits.parse().ok()?;
        let current = now / STEP_SECONDS;
        let mut matched = None;
        // Check every candidate so the time taken does not depend on which matched.
        for step in [current.saturating_sub(1), current, current + 1] {
            let same = self.code_at(step) ^ wanted == 0;
            if same && step > last_step && matched.is_none() {
                matched = Some(step);
            }
        }
        matched
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc_secret() -> TotpSecret {
        TotpSecret::from_bytes(b"12345678901234567890").unwrap()
    }

    #[test]
    fn codes_match_the_rfc_6238_vectors() {
        // RFC 6238 appendix B (SHA-1), last six of the eight digits.
        let s = rfc_secret();
        for (time, code) in [
            (59u64, 287_082u32),
            (1_111_111_109, 81_804),
            (1_111_111_111, 50_471),
            (1_234_567_890, 5_924),
            (2_000_000_000, 279_037),
        ] {
            assert_eq!(s.code_at(time / 30), code, "at {time}");
        }
    }

    #[test]
    fn a_code_is_accepted_once_and_only_near_its_time() {
        let s = rfc_secret();
        let now = 1_111_111_111;
        assert_eq!(s.verify("050471", now, 0), Some(now / 30));
        assert_eq!(s.verify("050 471", now, 0), Some(now / 30));
        assert_eq!(s.verify("050471", now, now / 30), None, "replayed");
        assert_eq!(s.verify("050471", now + 300, 0), None, "too late");
        assert_eq!(s.verify("050472", now, 0), None);
        assert_eq!(s.verify("12345", now, 0), None);
        assert_eq!(s.verify("abcdef", now, 0), None);
    }

    #[test]
    fn base32_and_uri_follow_rfc_4648() {
        let s = TotpSecret::from_bytes(b"foobarbazq").unwrap();
        assert_eq!(s.base32().as_str(), "MZXW6YTBOJRGC6TR");
        let back = TotpSecret::from_base32("mzxw 6ytb ojrg c6tr").unwrap();
        assert_eq!(back.as_bytes(), b"foobarbazq");
        let padded = TotpSecret::from_base32("MZXW6YTBOJRGC6TRMY======").unwrap();
        assert_eq!(padded.as_bytes(), b"foobarbazqf");
        assert!(TotpSecret::from_base32("MZXW6YTBOJRGC6T1").is_none());
        assert!(TotpSecret::from_base32("MZXW6YTB").is_none(), "5 bytes");
        let uri = s.uri("suoja test", "anna@x");
        assert!(uri.starts_with("otpauth://totp/suoja%20test:anna%40x?secret=MZXW6YTBOJRGC6TR&"));
    }
}
