//! The ticket of the chat's feedback form: what lets the ended page, whose
//! cookie and client key are gone, take a rating for its case.
//!
//! It is the case id sealed with ChaCha20-Poly1305 under a key derived
//! from the pepper, as hex: the page holds no case id in the clear, a
//! ticket cannot be made or altered without the pepper, and it names one
//! case only. It travels in the form's POST body, never in a URL, and the
//! form's single-use token is bound to it (its scope names the ticket), so
//! the token of one ended page cannot carry another page's ticket. It
//! holds the day it was issued too and is taken on that day and the next
//! only: "this case was rated" is remembered far longer than that, so a
//! page kept open cannot rate its case again once the marker is purged.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use rand::RngCore;
use rand::rngs::OsRng;

use crate::seal::{Pepper, hex, unhex};

const PURPOSE: &str = "client-feedback-ticket";
const AAD: &[u8] = b"suoja/v1/feedback-ticket";
const NONCE_LEN: usize = 12;
/// Longer than any ticket (a case id is 32 characters or so).
pub const MAX_LEN: usize = 256;

fn cipher(pepper: &Pepper) -> Option<ChaCha20Poly1305> {
    ChaCha20Poly1305::new_from_slice(&pepper.derive(PURPOSE)[..]).ok()
}

/// How many days after the day of issue a ticket is still taken.
const VALID_DAYS: i64 = 1;

/// A ticket for `case_id`, issued on `today`.
pub fn issue(pepper: &Pepper, case_id: &str, today: jiff::civil::Date) -> Option<String> {
    let mut nonce = [0u8; NONCE_LEN];
    OsRng.fill_bytes(&mut nonce);
    let msg = format!("{today}.{case_id}");
    let payload = Payload {
        msg: msg.as_bytes(),
        aad: AAD,
    };
    let sealed = cipher(pepper)?
        .encrypt(Nonce::from_slice(&nonce), payload)
        .ok()?;
    Some(hex(&[&nonce[..], &sealed[..]].concat()))
}

/// The case a ticket names, if this server made it, it is whole, and it
/// was issued on `today` or the day before.
pub fn open(pepper: &Pepper, ticket: &str, today: jiff::civil::Date) -> Option<String> {
    if ticket.len() > MAX_LEN {
        return None;
    }
    let bytes = unhex(ticket.trim())?;
    if bytes.len() <= NONCE_LEN {
        return None;
    }
    let (nonce, sealed) = bytes.split_at(NONCE_LEN);
    let payload = Payload {
        msg: sealed,
        aad: AAD,
    };
    let plain = cipher(pepper)?
        .decrypt(Nonce::from_slice(nonce), payload)
        .ok()?;
    let text = String::from_utf8(plain).ok()?;
    let (issued, case_id) = text.split_once('.')?;
    let issued: jiff::civil::Date = issued.parse().ok()?;
    let age = issued.until(today).ok()?.get_days();
    (0..=VALID_DAYS)
        .contains(&i64::from(age))
        .then(|| case_id.to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_opens_to_its_case_unaltered_only_and_hides_the_id() {
        let pepper = Pepper::for_tests();
        let day = jiff::civil::date(2026, 12, 6);
        let ticket = issue(&pepper, "case-one", day).unwrap();
        assert!(!ticket.contains(&hex(b"case-one")));
        assert_eq!(open(&pepper, &ticket, day).as_deref(), Some("case-one"));
        let next = jiff::civil::date(2026, 12, 7);
        assert_eq!(open(&pepper, &ticket, next).as_deref(), Some("case-one"));
        let later = jiff::civil::date(2026, 12, 8);
        assert_eq!(open(&pepper, &ticket, later), None, "too old");
        let before = jiff::civil::date(2026, 12, 5);
        assert_eq!(open(&pepper, &ticket, before), None, "not yet issued");
        assert_ne!(
            issue(&pepper, "case-one", day).unwrap(),
            ticket,
            "a fresh nonce"
        );
        let mut flipped = ticket.clone().into_bytes();
        let last = flipped.len() - 1;
        flipped[last] = if flipped[last] == b'0' { b'1' } else { b'0' };
        assert_eq!(
            open(&pepper, &String::from_utf8(flipped).unwrap(), day),
            None
        );
        for bad in ["", "zz", "00", &"0".repeat(600)] {
            assert_eq!(open(&pepper, bad, day), None);
        }
    }
}
