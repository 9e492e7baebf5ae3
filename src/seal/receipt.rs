//! Receipts: 80 random bits a client writes down, and what the server derives
//! from them with HKDF-SHA256 keyed by the install pepper: a look-up token
//! (stored only as a hash) and the client's own age X25519 identity.

use std::fmt::{self, Write as _};
use std::io::Write;
use std::path::Path;

use age::x25519;
use data_encoding::Encoding;
use hkdf::Hkdf;
use rand::RngCore;
use rand::rngs::OsRng;
use secrecy::{ExposeSecret, SecretBox};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

/// Crockford's base32: no I, L, O or U, so nothing reads as another symbol.
/// Read as people type it: either case, O as 0, I and L as 1, spaces, tabs
/// and dashes skipped. 10 bytes are exactly 16 symbols, so no padding and
/// no trailing bits.
const CROCKFORD: Encoding = data_encoding_macro::new_encoding! {
    symbols: "0123456789ABCDEFGHJKMNPQRSTVWXYZ",
    translate_from: "abcdefghjkmnpqrstvwxyzOoIiLl",
    translate_to: "ABCDEFGHJKMNPQRSTVWXYZ001111",
    ignore: " -\t",
};
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
    /// O, I and L are read as 0, 1 and 1. Exactly 16 symbols.
    pub fn parse(input: &str) -> Option<Receipt> {
        // With skipped characters any input length is valid; what decodes
        // to other than 10 bytes had other than 16 symbols.
        let room = CROCKFORD.decode_len(input.len()).ok()?;
        let mut decoded = Zeroizing::new(vec![0u8; room]);
        let written = CROCKFORD.decode_mut(input.as_bytes(), &mut decoded).ok()?;
        let mut bytes = Zeroizing::new([0u8; RECEIPT_BYTES]);
        bytes.copy_from_slice(
            decoded
                .get(..written)
                .filter(|d| d.len() == RECEIPT_BYTES)?,
        );
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
        let mut symbols = Zeroizing::new([0u8; RECEIPT_CHARS]);
        CROCKFORD.encode_mut(&self.0[..], &mut symbols[..]);
        for (i, symbol) in symbols.iter().enumerate() {
            if i > 0 && i % 4 == 0 {
                f.write_char('-')?;
            }
            f.write_char(char::from(*symbol))?;
        }
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

    /// 64 hex digits, either case. Decoded (in constant time) straight into
    /// the secret's own box; a failed decode is wiped with it.
    pub(crate) fn from_hex(text: &str) -> Option<Pepper> {
        if text.len() != 64 {
            return None;
        }
        let mut decoded = false;
        let pepper = Pepper(SecretBox::init_with_mut(|bytes: &mut [u8; 32]| {
            decoded = base16ct::mixed::decode(text, bytes).is_ok();
        }));
        decoded.then_some(pepper)
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
            "ABCD-EFGH-JKMN-PQRu",
            "ABCD-EFGH-JKMN-PQR=",
            "ABCD-EFGH-JKMN-PQR_",
            "ABCD-EFGH-JKMN-PQR\n",
            "ABCD-EFGH-JKMN-PQ",
        ] {
            assert!(Receipt::parse(bad).is_none(), "{bad}");
        }
        assert!(
            Receipt::parse("ABCD-EFGH-JKMN-PQRST").is_none(),
            "17 symbols"
        );
    }

    #[test]
    fn receipts_are_shown_in_crockford_base32_in_groups_of_four() {
        for (bytes, shown) in [
            ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "0410-6105-0R3G-G28A"),
            ([255; 10], "ZZZZ-ZZZZ-ZZZZ-ZZZZ"),
            (
                [0xde, 0xad, 0xbe, 0xef, 0, 1, 2, 3, 0x7f, 0x80],
                "VTPV-XVR0-0410-6ZW0",
            ),
        ] {
            let receipt = Receipt(Zeroizing::new(bytes));
            assert_eq!(receipt.to_string(), shown);
            assert_eq!(*Receipt::parse(shown).unwrap().0, bytes);
        }
    }

    #[test]
    fn typing_slips_and_separators_are_read_as_the_receipt() {
        let shown = "0410-6105-0R3G-G28A";
        for typed in [
            "041061050R3GG28A",
            "0410 6105 0r3g g28a",
            "o41o-61o5-oR3G-G28A",
            "0410\t6105 - 0R3G--G28A ",
            "-0410-6105-0R3G-G28A-",
        ] {
            let receipt = Receipt::parse(typed).unwrap();
            assert_eq!(receipt.to_string(), shown, "{typed:?}");
        }
        let ones = Receipt::parse("1111-1111-1111-1111").unwrap().to_string();
        for typed in ["IIII-iiii-LLLL-llll", "iIlL-1111-1111-1111"] {
            assert_eq!(
                Receipt::parse(typed).unwrap().to_string(),
                ones,
                "{typed:?}"
            );
        }
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
    fn a_pepper_file_is_64_hex_digits_in_either_case() {
        let lower = Pepper::from_hex(&"ab".repeat(32)).unwrap();
        let upper = Pepper::from_hex(&"AB".repeat(32)).unwrap();
        assert_eq!(lower.fingerprint(), upper.fingerprint());
        for bad in [
            "ab".repeat(31),
            "ab".repeat(33),
            "zz".repeat(32),
            "+a".repeat(32),
        ] {
            assert!(Pepper::from_hex(&bad).is_none(), "{bad}");
        }
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
