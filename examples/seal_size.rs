//! What the coarse padding costs in storage: the sealed size of messages of
//! typical lengths, and of a typical case, with the 1 KiB steps of before
//! and with the buckets of `seal::PAD_BUCKETS`. Prints a table; asserts
//! nothing.
//!
//! ```text
//! cargo run --example seal_size
//! ```
//!
//! Each message is a `MessageDoc` as the service seals it, to five
//! recipients (three counsellors, the recovery key and the client).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use age::x25519::Identity;
use suoja::intake::MessageDoc;
use suoja::seal::{Envelope, pad};

/// A typical case: the request, two replies, a follow-up and a reply
/// (message lengths in bytes of plain text).
const TYPICAL_CASE: [usize; 5] = [600, 400, 300, 400, 250];

fn doc(len: usize) -> MessageDoc {
    MessageDoc {
        v: 1,
        case: "0123456789abcdef0123456789abcdef".into(),
        service: "helpline".into(),
        written_at: "2026-12-06T10:00:00Z".into(),
        topic: Some("general".into()),
        name: None,
        contact: None,
        staff: None,
        booking: None,
        seat: None,
        lang: None,
        interpreter: false,
        feedback: None,
        handed: None,
        mac: None,
        text: "x".repeat(len),
    }
}

/// The sealed size with the old padding: JSON, a newline, spaces to the
/// next multiple of 1 KiB.
fn before(env: &Envelope, len: usize) -> usize {
    let mut plain = serde_json::to_vec(&doc(len)).unwrap();
    plain.push(b'\n');
    plain.resize(plain.len().div_ceil(1024) * 1024, b' ');
    env.seal_bytes(&plain).unwrap().len()
}

fn after(env: &Envelope, len: usize) -> usize {
    let plain = pad(&serde_json::to_vec(&doc(len)).unwrap());
    env.seal_bytes(&plain).unwrap().len()
}

fn main() {
    let env = Envelope::new((0..5).map(|_| Identity::generate().to_public()));
    println!("| message (bytes) | sealed before | sealed after |");
    println!("|---|---|---|");
    for len in [10, 300, 900, 1900, 3000, 5000, 10_000, 40_000] {
        let (b, a) = (before(&env, len), after(&env, len));
        println!("| {len} | {b} | {a} |");
    }
    let sum = |f: fn(&Envelope, usize) -> usize| -> usize {
        TYPICAL_CASE.iter().map(|len| f(&env, *len)).sum()
    };
    let (b, a) = (sum(before), sum(after));
    println!(
        "typical case ({} messages of {:?} bytes): {b} bytes before, {a} after ({:.1}x)",
        TYPICAL_CASE.len(),
        TYPICAL_CASE,
        a as f64 / b as f64
    );
}
