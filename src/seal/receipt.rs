//! Receipts: 80 random bits a client writes down, and what the server derives
//! from them with HKDF-SHA256 keyed by the install pepper: a look-up token
//! (stored only as a hash) and the client's own age X25519 identity.

use std::fmt;
use std::io::Write;
use std::path::Path;

use age::x25519;
use hkdf::Hkdf;
use rand::RngCore;
use rand::rngs::OsRng;
use secrecy::{ExposeSecret, SecretBox};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

/// Crockford's base32: no I, L, O or U, so nothing reads as another symbol.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RECEIPT_BYTES: usize = 10;
pub const RECEIPT_CHARS: usize = 16;

/// A client's receipt code. Its `Debug` is redacted; `Display` shows it in
/// groups of four for the one page that hands it out.
pub struct Receipt(Zeroizing<[u8; RECEIPT_BYTES]>);

impl Receipt {
    pub fn generate() -> Receipt {
        let mut bytes = Zeroizing::new([0u8; RECEIPT_BYTES]);
        OsRng.fill_bytes(&mut bytes[..]);
        Receipt(bytes)
    }

    /// Reads what a person typed: case, spaces and dashes do not matter, and
    /// O, I and L are read as 0, 1 and 1.
    pub fn parse(input: &str) -> Option<Receipt> {
        let mut value: u128 = 0;
        let mut count = 0;
        for c in input.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\t' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            let digit = ALPHABET.iter().position(|&a| a as char == c)?;
            count += 1;
            if count > RECEIPT_CHARS {
                return None;
            }
            value = (value << 5) | digit as u128;
        }
        if count != RECEIPT_CHARS {
            return None;
        }
        let mut bytes = Zeroizing::new([0u8; RECEIPT_BYTES]);
        bytes.copy_from_slice(&value.to_be_bytes()[16 - RECEIPT_BYTES..]);
        value.zeroize();
        Some(Receipt(bytes))
    }

    /// Derives the look-up hash and client identity for this receipt.
    pub fn client_key(&self, pepper: &Pepper) -> Result<ClientKey, super::SealError> {
        let hk = Hkdf::<Sha256>::new(Some(pepper.0.expose_secret()), &self.0[..]);
        let mut token = Zeroizing::new([0u8; 32]);
        let mut secret = Zeroizing::new([0u8; 32]);
        // 32-byte outputs are far below HKDF's limit, so expand cannot fail.
        let _ = hk.expand(b"suoja/v1/lookup-token", &mut token[..]);
        let _ = hk.expand(b"suoja/v1/client-identity", &mut secret[..]);
        Ok(ClientKey {
            lookup_hash: Sha256::digest(&token[..]).into(),
            identity: identity_from_bytes(&secret)?,
        })
    }
}

impl fmt::Display for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut value = 0u128;
        for b in self.0.iter() {
            value = (value << 8) | u128::from(*b);
        }
        for i in 0..RECEIPT_CHARS {
            if i > 0 && i % 4 == 0 {
                f.write_str("-")?;
            }
            let shift = 5 * (RECEIPT_CHARS - 1 - i);
            let digit = ((value >> shift) & 31) as usize;
            write!(f, "{}", ALPHABET[digit] as char)?;
        }
        value.zeroize();
        Ok(())
    }
}

impl fmt::Debug for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Receipt(<redacted>)")
    }
}

/// What a receipt unlocks: the hash its case is found by, and the client's
/// own key, which their messages and the replies to them are sealed to.
pub struct ClientKey {
    pub lookup_hash: [u8; 32],
    pub identity: x25519::Identity,
}

impl ClientKey {
    pub fn recipient(&self) -> x25519::Recipient {
        self.identity.to_public()
    }
}

impl fmt::Debug for ClientKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClientKey(<redacted>)")
    }
}

/// age identities are only built from their Bech32 form, so encode the
/// bytes. Both texts of the secret (the encoding and its upper case) are
/// wiped when dropped.
fn identity_from_bytes(secret: &[u8; 32]) -> Result<x25519::Identity, super::SealError> {
    let hrp = bech32::Hrp::parse_unchecked("age-secret-key-");
    let encoded = Zeroizing::new(
        bech32::encode::<bech32::Bech32>(hrp, secret).map_err(|_| super::SealError::Malformed)?,
    );
    let upper = Zeroizing::new(encoded.to_uppercase());
    upper.parse().map_err(|_| super::SealError::Malformed)
}

/// The install secret that keys receipt derivation and form tokens. It lives
/// in a file outside the database: a database thief without it can test no
/// receipt. Losing it makes every receipt useless.
pub struct Pepper(SecretBox<[u8; 32]>);

impl Pepper {
    /// Reads the pepper file, or creates it (mode 0600) with 32 random bytes.
    pub fn load_or_create(path: &Path) -> std::io::Result<Pepper> {
        match std::fs::read_to_string(path).map(Zeroizing::new) {
            Ok(text) => Pepper::from_hex(text.trim()).ok_or_else(|| {
                std::io::Error::other(format!(
                    "{} is not a pepper file (64 hex digits)",
                    path.display()
                ))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir)?;
                }
                let mut bytes = [0u8; 32];
                OsRng.fill_bytes(&mut bytes);
                let mut text = Zeroizing::new(super::hex(&bytes));
                text.push('\n');
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                let mut file = options.open(path)?;
                file.write_all(text.as_bytes())?;
                file.sync_all()?;
                let pepper = Pepper(SecretBox::new(Box::new(bytes)));
                bytes.zeroize();
                Ok(pepper)
            }
            Err(e) => Err(e),
        }
    }

    pub(crate) fn from_hex(text: &str) -> Option<Pepper> {
        if text.len() != 64 {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        let pepper = Pepper(SecretBox::new(Box::new(bytes)));
        bytes.zeroize();
        Some(pepper)
    }

    /// A key for another purpose, derived from the pepper.
    pub fn derive(&self, purpose: &str) -> Zeroizing<[u8; 32]> {
        let hk = Hkdf::<Sha256>::new(Some(b"suoja/v1/derive"), self.0.expose_secret());
        let mut out = Zeroizing::new([0u8; 32]);
        let _ = hk.expand(purpose.as_bytes(), &mut out[..]);
        out
    }

    /// A public check value: instances compare it to tell whether they hold
    /// the same pepper. HKDF output for its own purpose, so it reveals
    /// nothing of the pepper or of any key derived for another purpose.
    pub fn fingerprint(&self) -> String {
        super::hex(&self.derive("pepper-fingerprint")[..])
    }

    /// An age identity for server-held secrets (TOTP seeds), derived from the
    /// pepper: the database alone does not open what is sealed to it.
    pub fn identity(&self, purpose: &str) -> Result<x25519::Identity, super::SealError> {
        identity_from_bytes(&self.derive(purpose))
    }

    #[cfg(test)]
    pub fn for_tests() -> Pepper {
        Pepper(SecretBox::new(Box::new([7u8; 32])))
    }
}

impl fmt::Debug for Pepper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pepper(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receipt_reads_back_however_it_is_typed() {
        let receipt = Receipt::generate();
        let shown = receipt.to_string();
        assert_eq!(shown.len(), 19);
        assert_eq!(shown.matches('-').count(), 3);
        let typed = shown.to_lowercase().replace('-', " ").replace('0', "o");
        let again = Receipt::parse(&typed).unwrap();
        assert_eq!(again.to_string(), shown);
    }

    #[test]
    fn malformed_receipts_are_refused() {
        for bad in [
            "",
            "ABCD",
            "ABCD-EFGH-JKMN-PQRSU",
            "ABCD-EFGH-JKMN-PQR!",
            "ÄBCD-EFGH-JKMN-PQRS",
        ] {
            assert!(Receipt::parse(bad).is_none(), "{bad}");
        }
        assert!(
            Receipt::parse("ABCD-EFGH-JKMN-PQRST").is_none(),
            "17 symbols"
        );
    }

    #[test]
    fn the_same_receipt_and_pepper_give_the_same_key_and_another_pepper_does_not() {
        let receipt = Receipt::generate();
        let pepper = Pepper::for_tests();
        let a = receipt.client_key(&pepper).unwrap();
        let b = Receipt::parse(&receipt.to_string())
            .unwrap()
            .client_key(&pepper)
            .unwrap();
        assert_eq!(a.lookup_hash, b.lookup_hash);
        assert_eq!(a.recipient().to_string(), b.recipient().to_string());
        let other = Pepper::from_hex(&"ab".repeat(32)).unwrap();
        let c = receipt.client_key(&other).unwrap();
        assert_ne!(a.lookup_hash, c.lookup_hash);
        assert_ne!(a.recipient().to_string(), c.recipient().to_string());
    }

    #[test]
    fn debug_never_shows_secrets() {
        let receipt = Receipt::generate();
        let shown = format!(
            "{receipt:?} {:?}",
            receipt.client_key(&Pepper::for_tests()).unwrap()
        );
        assert!(!shown.contains(&receipt.to_string()));
        assert!(shown.contains("redacted"));
    }
}
