//! The two values a session token gives, and the unlocked identity sealed
//! for the database so that any instance, or this one after a restart, can
//! open it again, but only with the token the counsellor's browser holds.
//!
//! HKDF-SHA256 with the pepper-derived salt turns the token (256 random
//! bits) into two keys for two purposes (different info strings): the
//! lookup hash the row is found by, and the ChaCha20-Poly1305 key that
//! seals the identity, with the row's lookup hash as associated data (a
//! sealed identity moved to another row does not open). The database holds
//! the hash and the sealed identity; neither opens without the token, and
//! the key cannot be computed from the hash. No password hashing: the
//! token has full entropy, so opening costs microseconds per request.

use age::x25519;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use hkdf::Hkdf;
use rand::RngCore;
use rand::rngs::OsRng;
use secrecy::ExposeSecret;
use sha2::Sha256;
use zeroize::Zeroizing;

const LOOKUP_INFO: &[u8] = b"suoja/v1/staff-session/lookup";
const SEAL_INFO: &[u8] = b"suoja/v1/staff-session/identity";
const NONCE_LEN: usize = 12;

/// The key that seals one session's identity; zeroized on drop.
pub struct SessionKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionKey(..)")
    }
}

/// The lookup hash and the sealing key of a token, under `salt`.
pub fn derive(salt: &[u8; 32], token: &[u8]) -> ([u8; 32], SessionKey) {
    let hk = Hkdf::<Sha256>::new(Some(&salt[..]), token);
    let mut lookup = [0u8; 32];
    let mut key = Zeroizing::new([0u8; 32]);
    // 32 bytes is far below HKDF-SHA256's output limit: expand cannot fail.
    let _ = hk.expand(LOOKUP_INFO, &mut lookup);
    let _ = hk.expand(SEAL_INFO, &mut key[..]);
    (lookup, SessionKey(key))
}

impl SessionKey {
    /// `identity` sealed for the row `lookup`: nonce, then ciphertext.
    pub fn seal(&self, lookup: &[u8; 32], identity: &x25519::Identity) -> Option<Vec<u8>> {
        let cipher = ChaCha20Poly1305::new_from_slice(&self.0[..]).ok()?;
        let mut nonce = [0u8; NONCE_LEN];
        OsRng.fill_bytes(&mut nonce);
        let text = identity.to_string();
        let payload = Payload {
            msg: text.expose_secret().as_bytes(),
            aad: &lookup[..],
        };
        let sealed = cipher.encrypt(Nonce::from_slice(&nonce), payload).ok()?;
        Some([&nonce[..], &sealed[..]].concat())
    }

    /// The identity `sealed` holds, if it was sealed with this key for
    /// the row `lookup` and is whole.
    pub fn open(&self, lookup: &[u8; 32], sealed: &[u8]) -> Option<x25519::Identity> {
        if sealed.len() <= NONCE_LEN {
            return None;
        }
        let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
        let cipher = ChaCha20Poly1305::new_from_slice(&self.0[..]).ok()?;
        let payload = Payload {
            msg: ciphertext,
            aad: &lookup[..],
        };
        let plain = Zeroizing::new(cipher.decrypt(Nonce::from_slice(nonce), payload).ok()?);
        let text = std::str::from_utf8(&plain).ok()?;
        text.parse::<x25519::Identity>().ok()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const SALT: [u8; 32] = [7; 32];

    #[test]
    fn a_sealed_identity_opens_with_its_token_only_and_in_its_row_only() {
        let identity = x25519::Identity::generate();
        let (lookup, key) = derive(&SALT, b"token one");
        let sealed = key.seal(&lookup, &identity).unwrap();
        let opened = key.open(&lookup, &sealed).unwrap();
        assert_eq!(
            opened.to_public().to_string(),
            identity.to_public().to_string()
        );

        let (other_lookup, other_key) = derive(&SALT, b"token two");
        assert!(other_key.open(&lookup, &sealed).is_none(), "another token");
        assert!(key.open(&other_lookup, &sealed).is_none(), "another row");
        let (_, other_salt) = derive(&[8; 32], b"token one");
        assert!(
            other_salt.open(&lookup, &sealed).is_none(),
            "another pepper"
        );
        let mut flipped = sealed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(key.open(&lookup, &flipped).is_none(), "altered");
        assert!(key.open(&lookup, &sealed[..NONCE_LEN]).is_none(), "cut");
    }

    #[test]
    fn the_lookup_hash_is_not_the_sealing_key_and_the_identity_is_not_stored_plain() {
        let identity = x25519::Identity::generate();
        let (lookup, key) = derive(&SALT, b"a token");
        assert_ne!(&lookup[..], &key.0[..]);
        let sealed = key.seal(&lookup, &identity).unwrap();
        let secret = identity.to_string();
        let plain = secret.expose_secret().as_bytes();
        assert!(!sealed.windows(plain.len()).any(|w| w == plain));
        let again = key.seal(&lookup, &identity).unwrap();
        assert_ne!(sealed, again, "a fresh nonce each time");
    }
}
