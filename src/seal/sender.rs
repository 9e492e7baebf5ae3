//! Sender authentication: what the service writes into a thread (a
//! counsellor's reply or note, a cancellation notice) carries a MAC that
//! only a holder of the pepper can make, so a message someone wrote
//! straight into the database is refused when it is opened.
//!
//! The MAC is HMAC-SHA256 under a key derived from the pepper, over the
//! case id, the author kind and the message's row id (so a valid message
//! cannot be copied into another case, another row or another role) and the
//! whole document as sealed (its exact time, who wrote it, the text). It
//! travels inside the sealed document, so a database reader does not see it
//! either. See docs/SEALING.md for what it does and does not protect.

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;
use zeroize::Zeroizing;

use super::{Pepper, SealError, hex, unhex};

type HmacSha256 = Hmac<Sha256>;

/// The HKDF purpose of the MAC key: a key of its own, for this alone.
const PURPOSE: &str = "message-sender-mac";
/// Domain separation inside the MAC input.
const LABEL: &[u8] = b"suoja/v2/message-sender";

/// A sealed document with room for the service's MAC.
pub trait Attested: Serialize {
    fn mac_slot(&mut self) -> &mut Option<String>;
}

/// Where a message sits, as its row in the database says: bound into its
/// MAC, so the MAC holds only there.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub case: &'a str,
    /// The message's row id (random, minted before sealing).
    pub message: &'a str,
    /// `staff`, `note`, …: the role the row gives the message.
    pub author: &'a str,
}

/// Whether a message of this author kind must carry the service's MAC:
/// every kind but a client's own message (replies, notes, and kinds this
/// version does not know).
pub fn must_be_attested(author: &str) -> bool {
    author != "client"
}

/// The key that makes and checks the MAC. Derived from the pepper: the
/// database alone does not hold it.
pub struct SenderKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for SenderKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SenderKey(<redacted>)")
    }
}

impl SenderKey {
    pub fn new(pepper: &Pepper) -> SenderKey {
        SenderKey(pepper.derive(PURPOSE))
    }

    /// Puts the MAC for `place` into `doc`, replacing any.
    pub fn sign(&self, place: Place<'_>, doc: &mut impl Attested) -> Result<(), SealError> {
        let tag = self.mac(place, doc)?.finalize().into_bytes();
        *doc.mac_slot() = Some(hex(&tag));
        Ok(())
    }

    /// Whether `doc` carries a valid MAC for `place` (compared in constant
    /// time). A document with no MAC, or one made for another place, fails.
    pub fn verify(&self, place: Place<'_>, doc: &mut impl Attested) -> bool {
        let Some(tag) = doc.mac_slot().as_deref().and_then(unhex) else {
            return false;
        };
        self.mac(place, doc)
            .is_ok_and(|mac| mac.verify_slice(&tag).is_ok())
    }

    /// Whether a message opened at `place` may be shown: a client's own
    /// message always, anything else only with a valid MAC.
    pub fn accepts(&self, place: Place<'_>, doc: &mut impl Attested) -> bool {
        !must_be_attested(place.author) || self.verify(place, doc)
    }

    /// Logs, once for a thread, that `refused` messages in it were not
    /// shown: at warn, with an error id, never what they hold.
    pub fn log_refused(refused: usize) {
        if refused > 0 {
            let id = crate::db::new_id()[..12].to_owned();
            tracing::warn!(
                error_id = %id,
                refused,
                "messages without the service's MAC were not shown"
            );
        }
    }

    /// The MAC state over `place` and `doc` as JSON without its MAC; every
    /// part is length-prefixed, so no two inputs run together.
    fn mac(&self, place: Place<'_>, doc: &mut impl Attested) -> Result<HmacSha256, SealError> {
        let kept = doc.mac_slot().take();
        let json = serde_json::to_vec(doc).map(Zeroizing::new);
        *doc.mac_slot() = kept;
        let json = json.map_err(|_| SealError::Malformed)?;
        let mut mac = HmacSha256::new_from_slice(&self.0[..]).map_err(|_| SealError::Malformed)?;
        let parts: [&[u8]; 5] = [
            LABEL,
            place.case.as_bytes(),
            place.author.as_bytes(),
            place.message.as_bytes(),
            &json,
        ];
        for part in parts {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        Ok(mac)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Doc {
        case: String,
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        mac: Option<String>,
    }

    impl Attested for Doc {
        fn mac_slot(&mut self) -> &mut Option<String> {
            &mut self.mac
        }
    }

    fn doc(text: &str) -> Doc {
        Doc {
            case: "c1".into(),
            text: text.into(),
            mac: None,
        }
    }

    const HERE: Place<'static> = Place {
        case: "c1",
        message: "m1",
        author: "staff",
    };

    #[test]
    fn a_signed_message_verifies_only_in_its_own_place_and_unchanged() {
        let key = SenderKey::new(&Pepper::for_tests());
        let mut signed = doc("hello");
        key.sign(HERE, &mut signed).unwrap();
        assert!(key.verify(HERE, &mut signed));
        for other in [
            Place { case: "c2", ..HERE },
            Place {
                message: "m2",
                ..HERE
            },
            Place {
                author: "client",
                ..HERE
            },
        ] {
            assert!(!key.verify(other, &mut signed), "{other:?}");
        }
        let mut edited = doc("hellO");
        edited.mac = signed.mac.clone();
        assert!(!key.verify(HERE, &mut edited));
    }

    #[test]
    fn no_mac_a_garbled_mac_or_another_pepper_fails() {
        let key = SenderKey::new(&Pepper::for_tests());
        assert!(!key.verify(HERE, &mut doc("hello")));
        let mut garbled = doc("hello");
        garbled.mac = Some("zz".repeat(32));
        assert!(!key.verify(HERE, &mut garbled));
        let mut signed = doc("hello");
        key.sign(HERE, &mut signed).unwrap();
        let other = Pepper::from_hex(&"ab".repeat(32)).unwrap();
        assert!(!SenderKey::new(&other).verify(HERE, &mut signed));
    }
}
