//! The only code that touches age: sealing padded, versioned JSON documents to
//! X25519 recipients, opening them, receipts and the client keys derived from
//! them. Plaintext leaves this module only as the caller's own types.

pub mod identity;
pub mod keyfile;
mod receipt;
pub mod sender;

pub use keyfile::{parse_recipient, parse_recipients, read_recipients_file};
pub use receipt::{ClientKey, Pepper, Receipt};
pub use sender::{Attested, Place, SenderKey};

use std::io::{Read, Write};

use age::x25519;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// Wipes the named fields (`String`s, `Option<String>`s) of a type that
/// holds what someone wrote when it is dropped. Such types have no `Debug`
/// either, so what they hold never reaches a log by accident.
macro_rules! wipe_on_drop {
    ($ty:ty: $($field:ident),+ $(,)?) => {
        impl Drop for $ty {
            fn drop(&mut self) {
                $(::zeroize::Zeroize::zeroize(&mut self.$field);)+
            }
        }
    };
}
pub(crate) use wipe_on_drop;

/// Plaintexts are padded to the first of these sizes they fit in before
/// sealing, and past the last to a multiple of it, so that most messages
/// (all under about 4,000 characters of plain text) look alike and the
/// stored size tells at most which of a few ranges a long one falls in.
/// Items sealed before 2026-12 are padded to 1 KiB steps: they open as
/// they are, since opening ignores whatever padding follows the JSON.
pub const PAD_BUCKETS: [usize; 3] = [4 * 1024, 16 * 1024, 64 * 1024];

/// The padded size of a plaintext of `len` bytes (newline included).
fn padded_len(len: usize) -> usize {
    let last = PAD_BUCKETS[PAD_BUCKETS.len() - 1];
    PAD_BUCKETS
        .into_iter()
        .find(|bucket| len <= *bucket)
        .unwrap_or_else(|| len.div_ceil(last) * last)
}

/// Sealed documents larger than this are refused when opening.
const MAX_PLAINTEXT: usize = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("no recipient to seal to")]
    NoRecipients,
    #[error("age encryption failed: {0}")]
    Encrypt(String),
    #[error("this identity cannot open the item")]
    NotForThisKey,
    #[error("sealed item is malformed")]
    Malformed,
    /// It opened, but names another case: moved in the database.
    #[error("sealed item belongs to another case")]
    OtherCase,
}

/// The people (keys) an item is sealed to, sorted and without repeats. Each
/// recipient keeps its `age1…` text, so adding the client key to a service's
/// set on every submission formats only that one key.
#[derive(Debug, Clone, Default)]
pub struct Envelope {
    recipients: Vec<(String, x25519::Recipient)>,
}

impl Envelope {
    pub fn new(recipients: impl IntoIterator<Item = x25519::Recipient>) -> Envelope {
        let mut recipients: Vec<_> = recipients.into_iter().map(|r| (r.to_string(), r)).collect();
        recipients.sort_by(|a, b| a.0.cmp(&b.0));
        recipients.dedup_by(|a, b| a.0 == b.0);
        Envelope { recipients }
    }

    pub fn with(&self, extra: x25519::Recipient) -> Envelope {
        let text = extra.to_string();
        let mut recipients = self.recipients.clone();
        if let Err(at) = recipients.binary_search_by(|r| r.0.cmp(&text)) {
            recipients.insert(at, (text, extra));
        }
        Envelope { recipients }
    }

    pub fn len(&self) -> usize {
        self.recipients.len()
    }

    pub fn is_empty(&self) -> bool {
        self.recipients.is_empty()
    }

    /// A stable name for this set of keys: the key epoch bookkeeping uses it.
    pub fn fingerprint(&self) -> String {
        let mut hash = Sha256::new();
        for (text, _) in &self.recipients {
            hash.update(text.as_bytes());
            hash.update(b"\n");
        }
        hex(&hash.finalize()[..16])
    }

    /// The recipients, one a line, as an age recipients file.
    pub fn to_recipients_file(&self) -> String {
        self.recipients
            .iter()
            .map(|(text, _)| format!("{text}\n"))
            .collect()
    }

    /// Seals `doc` as JSON padded to [`PAD_BUCKETS`]: a binary age file.
    pub fn seal(&self, doc: &impl Serialize) -> Result<Vec<u8>, SealError> {
        let json = Zeroizing::new(serde_json::to_vec(doc).map_err(|_| SealError::Malformed)?);
        self.seal_bytes(&pad(&json))
    }

    /// Seals `plain` as it is (no padding): for small server-held secrets.
    pub fn seal_bytes(&self, plain: &[u8]) -> Result<Vec<u8>, SealError> {
        if self.recipients.is_empty() {
            return Err(SealError::NoRecipients);
        }
        let encryptor = age::Encryptor::with_recipients(
            self.recipients
                .iter()
                .map(|(_, r)| r as &dyn age::Recipient),
        )
        .map_err(|e| SealError::Encrypt(e.to_string()))?;
        let mut out = Vec::with_capacity(plain.len() + 200 + 100 * self.recipients.len());
        let encrypt = |out: &mut Vec<u8>| -> std::io::Result<()> {
            let mut writer = encryptor.wrap_output(out)?;
            writer.write_all(plain)?;
            writer.finish()?;
            Ok(())
        };
        encrypt(&mut out).map_err(|e| SealError::Encrypt(e.to_string()))?;
        Ok(out)
    }
}

impl Envelope {
    /// The set a key epoch recorded: an age recipients file, one a line.
    pub fn from_recipients_file(text: &str) -> Result<Envelope, SealError> {
        let recipients = parse_recipients(text).map_err(|_| SealError::Malformed)?;
        Ok(Envelope::new(recipients))
    }

    /// Whether `recipient` (an `age1…` text) is in this set.
    pub fn contains(&self, recipient: &str) -> bool {
        self.recipients
            .binary_search_by(|r| r.0.as_str().cmp(recipient))
            .is_ok()
    }
}

/// Opens a sealed item with any of `identities` and seals its plaintext as
/// it is (already padded) to `to`: the plaintext never leaves this module.
pub fn reseal(
    sealed: &[u8],
    identities: &[&dyn age::Identity],
    to: &Envelope,
) -> Result<Vec<u8>, SealError> {
    let plain = open_bytes(sealed, identities)?;
    to.seal_bytes(&plain)
}

/// Like [`reseal`], with the top-level `field` of the sealed JSON document
/// left out when it has one (padded again); a document without it is
/// resealed byte for byte. A hand-over leaves a note's statistics marks
/// with the service that made them (docs/SEALING.md).
pub fn reseal_without(
    sealed: &[u8],
    identities: &[&dyn age::Identity],
    to: &Envelope,
    field: &str,
) -> Result<Vec<u8>, SealError> {
    let plain = open_bytes(sealed, identities)?;
    let mut doc: serde_json::Map<String, serde_json::Value> = decode(&plain)?;
    if doc.remove(field).is_none() {
        return to.seal_bytes(&plain);
    }
    to.seal(&doc)
}

/// How many X25519 recipient stanzas an age file's header holds (age may
/// add random "grease" stanzas of other types; those are not counted). The
/// stanzas name no recipient, so this checks the size of the set, not who.
pub fn x25519_stanzas(sealed: &[u8]) -> Result<usize, SealError> {
    let end = sealed
        .windows(5)
        .position(|w| w == b"\n--- ")
        .ok_or(SealError::Malformed)?;
    let header = std::str::from_utf8(&sealed[..end]).map_err(|_| SealError::Malformed)?;
    if !header.starts_with("age-encryption.org/v1\n") {
        return Err(SealError::Malformed);
    }
    Ok(header
        .lines()
        .filter(|l| l.starts_with("-> X25519 "))
        .count())
}

/// The keys in hand of a rotation: identities read from an age identity
/// file (as `age-keygen` or `suoja keygen` write it), or unlocked staff keys.
#[derive(Clone)]
pub struct IdentityFile {
    identities: Vec<x25519::Identity>,
}

impl std::fmt::Debug for IdentityFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IdentityFile({} keys, redacted)", self.identities.len())
    }
}

impl IdentityFile {
    /// Reads X25519 identities from `path`; a file with none is an error.
    pub fn read(path: &std::path::Path) -> Result<IdentityFile, String> {
        let identities = keyfile::read_identity_file(path)?;
        Ok(IdentityFile { identities })
    }

    pub fn from_identities(identities: Vec<x25519::Identity>) -> IdentityFile {
        IdentityFile { identities }
    }

    /// Opens `sealed` with these keys and seals its plaintext to `to`.
    pub fn reseal(&self, sealed: &[u8], to: &Envelope) -> Result<Vec<u8>, SealError> {
        reseal(sealed, &self.as_identities(), to)
    }

    /// Whether these keys open `sealed` (its whole payload authenticates).
    pub fn opens(&self, sealed: &[u8]) -> bool {
        open_bytes(sealed, &self.as_identities()).is_ok()
    }

    /// The identities, as `open` and `reseal` take them.
    pub fn as_identities(&self) -> Vec<&dyn age::Identity> {
        self.identities
            .iter()
            .map(|i| i as &dyn age::Identity)
            .collect()
    }

    /// The public recipients (`age1…`) of the identities.
    pub fn recipients(&self) -> Vec<String> {
        self.identities
            .iter()
            .map(|i| i.to_public().to_string())
            .collect()
    }
}

/// JSON followed by a newline and spaces up to its bucket: still valid
/// JSON, so `age -d … | jq` reads a sealed item as it is.
pub fn pad(json: &[u8]) -> Zeroizing<Vec<u8>> {
    let len = padded_len(json.len() + 1);
    let mut padded = Zeroizing::new(Vec::with_capacity(len));
    padded.extend_from_slice(json);
    padded.push(b'\n');
    padded.resize(len, b' ');
    padded
}

/// A sealed document that names the case it belongs to, so that an item
/// moved to another case in the database is caught when opened.
pub trait CaseDoc: DeserializeOwned {
    fn case_id(&self) -> &str;
}

/// Opens one of case `case_id`'s sealed documents: `None` when none of
/// `identities` is among its recipients, [`SealError::OtherCase`] when it
/// opens but names another case. Every reader of a case (the client with
/// their receipt, a counsellor, the offline reader) opens through here.
pub fn open_case_doc<T: CaseDoc>(
    sealed: &[u8],
    identities: &[&dyn age::Identity],
    case_id: &str,
) -> Result<Option<T>, SealError> {
    let doc: T = match open(sealed, identities) {
        Ok(doc) => doc,
        Err(SealError::NotForThisKey) => return Ok(None),
        Err(e) => return Err(e),
    };
    if doc.case_id() != case_id {
        return Err(SealError::OtherCase);
    }
    Ok(Some(doc))
}

/// Opens a sealed item with any of `identities` and parses its document.
pub fn open<T: DeserializeOwned>(
    sealed: &[u8],
    identities: &[&dyn age::Identity],
) -> Result<T, SealError> {
    let plain = open_bytes(sealed, identities)?;
    decode(&plain)
}

/// The document in an opened item: its JSON, the padding after it ignored.
pub fn decode<T: DeserializeOwned>(plain: &[u8]) -> Result<T, SealError> {
    serde_json::from_slice(plain).map_err(|_| SealError::Malformed)
}

/// Opens a sealed item with any of `identities`: its plaintext bytes.
pub fn open_bytes(
    sealed: &[u8],
    identities: &[&dyn age::Identity],
) -> Result<Zeroizing<Vec<u8>>, SealError> {
    let decryptor = age::Decryptor::new_buffered(sealed).map_err(|_| SealError::Malformed)?;
    if decryptor.is_scrypt() {
        return Err(SealError::Malformed);
    }
    let reader = decryptor
        .decrypt(identities.iter().copied())
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => SealError::NotForThisKey,
            _ => SealError::Malformed,
        })?;
    let mut plain = Zeroizing::new(Vec::new());
    reader
        .take(MAX_PLAINTEXT as u64 + 1)
        .read_to_end(&mut plain)
        .map_err(|_| SealError::Malformed)?;
    if plain.len() > MAX_PLAINTEXT {
        return Err(SealError::Malformed);
    }
    Ok(plain)
}

/// Lowercase hex, in constant time (tokens and keys pass through here).
pub(crate) fn hex(bytes: &[u8]) -> String {
    base16ct::lower::encode_string(bytes)
}

/// The bytes of a hex string (either case); `None` if it is not hex.
pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    base16ct::mixed::decode_vec(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Doc {
        v: u32,
        text: String,
    }

    #[test]
    fn sealed_sizes_fall_in_buckets_and_open_for_each_recipient() {
        let a = x25519::Identity::generate();
        let b = x25519::Identity::generate();
        let env = Envelope::new([a.to_public(), b.to_public()]);
        let doc = |text: String| Doc { v: 1, text };
        let short = env.seal(&doc("hi".into())).unwrap();
        let longer = env.seal(&doc("x".repeat(3000))).unwrap();
        // age may add a random "grease" stanza to the header, so compare the
        // payload: nonce, padded plaintext in 64 KiB chunks, a tag per chunk.
        let payload = |file: &[u8]| {
            let mac = file.windows(5).position(|w| w == b"\n--- ").unwrap();
            let end = mac + 1 + file[mac + 1..].iter().position(|b| *b == b'\n').unwrap();
            file.len() - end - 1
        };
        assert_eq!(payload(&short), 16 + 4096 + 16);
        assert_eq!(payload(&longer), payload(&short), "both pad to one bucket");
        let long = env.seal(&doc("x".repeat(5000))).unwrap();
        assert_eq!(payload(&long), 16 + 16 * 1024 + 16);
        let longest = env.seal(&doc("x".repeat(70_000))).unwrap();
        assert_eq!(payload(&longest), 16 + 128 * 1024 + 2 * 16);
        for id in [&a, &b] {
            let doc: Doc = open(&short, &[id as &dyn age::Identity]).unwrap();
            assert_eq!(doc.text, "hi");
        }
        let stranger = x25519::Identity::generate();
        assert!(matches!(
            open::<Doc>(&short, &[&stranger as &dyn age::Identity]),
            Err(SealError::NotForThisKey)
        ));
    }

    #[test]
    fn padding_takes_a_few_coarse_sizes_and_old_one_kib_padding_still_opens() {
        let sizes: Vec<usize> = [1, 4096, 4097, 16_384, 16_385, 65_536, 65_537, 200_000]
            .into_iter()
            .map(padded_len)
            .collect();
        let k = 1024;
        assert_eq!(
            sizes,
            [
                4 * k,
                4 * k,
                16 * k,
                16 * k,
                64 * k,
                64 * k,
                128 * k,
                256 * k
            ]
        );
        // An item sealed with the 1 KiB steps of before opens as it is.
        let id = x25519::Identity::generate();
        let json = serde_json::to_vec(&Doc {
            v: 1,
            text: "old".into(),
        })
        .unwrap();
        let mut old = json.clone();
        old.push(b'\n');
        old.resize(1024, b' ');
        let sealed = Envelope::new([id.to_public()]).seal_bytes(&old).unwrap();
        let doc: Doc = open(&sealed, &[&id as &dyn age::Identity]).unwrap();
        assert_eq!(doc.text, "old");
    }

    #[test]
    fn adding_a_key_keeps_the_set_sorted_and_free_of_repeats() {
        let keys: Vec<_> = (0..4)
            .map(|_| x25519::Identity::generate().to_public())
            .collect();
        let base = Envelope::new(keys[..3].iter().cloned());
        let grown = base.with(keys[3].clone()).with(keys[0].clone());
        assert_eq!(grown.len(), 4);
        assert_eq!(
            grown.fingerprint(),
            Envelope::new(keys.iter().cloned()).fingerprint()
        );
        let file = grown.to_recipients_file();
        let mut lines: Vec<_> = file.lines().collect();
        lines.sort_unstable();
        assert_eq!(file.lines().collect::<Vec<_>>(), lines);
    }

    #[test]
    fn resealing_moves_an_item_to_a_new_set_and_keeps_its_plaintext() {
        let old = x25519::Identity::generate();
        let kept = x25519::Identity::generate();
        let new = x25519::Identity::generate();
        let sealed = Envelope::new([old.to_public(), kept.to_public()])
            .seal(&Doc {
                v: 1,
                text: "kept".into(),
            })
            .unwrap();
        assert_eq!(x25519_stanzas(&sealed).unwrap(), 2);
        let to = Envelope::from_recipients_file(
            &Envelope::new([kept.to_public(), new.to_public()]).to_recipients_file(),
        )
        .unwrap();
        assert!(to.contains(&new.to_public().to_string()));
        assert!(!to.contains(&old.to_public().to_string()));
        let stranger = x25519::Identity::generate();
        assert!(matches!(
            reseal(&sealed, &[&stranger as &dyn age::Identity], &to),
            Err(SealError::NotForThisKey)
        ));
        let resealed = reseal(&sealed, &[&old as &dyn age::Identity], &to).unwrap();
        assert_eq!(x25519_stanzas(&resealed).unwrap(), 2);
        for id in [&kept, &new] {
            let doc: Doc = open(&resealed, &[id as &dyn age::Identity]).unwrap();
            assert_eq!(doc.text, "kept");
        }
        assert!(open::<Doc>(&resealed, &[&old as &dyn age::Identity]).is_err());
    }

    #[test]
    fn resealing_without_a_field_drops_it_and_keeps_the_rest() {
        let old = x25519::Identity::generate();
        let new = x25519::Identity::generate();
        let keys = [&old as &dyn age::Identity];
        let to = Envelope::new([new.to_public()]);
        let with = Envelope::new([old.to_public()])
            .seal(&serde_json::json!({"v": 1, "text": "kept", "stats": {"month": "2026-12"}}))
            .unwrap();
        let moved = reseal_without(&with, &keys, &to, "stats").unwrap();
        let doc: serde_json::Value = open(&moved, &[&new as &dyn age::Identity]).unwrap();
        assert_eq!(doc, serde_json::json!({"v": 1, "text": "kept"}));
        assert!(open::<Doc>(&moved, &keys).is_err(), "the old key is gone");
        // Without the field: the same plaintext, padding and all.
        let plain = Envelope::new([old.to_public()])
            .seal(&Doc {
                v: 1,
                text: "as is".into(),
            })
            .unwrap();
        let moved = reseal_without(&plain, &keys, &to, "stats").unwrap();
        let new_keys = [&new as &dyn age::Identity];
        assert_eq!(
            *open_bytes(&moved, &new_keys).unwrap(),
            *open_bytes(&plain, &keys).unwrap()
        );
    }

    #[derive(serde::Deserialize)]
    struct InCase {
        case: String,
    }

    impl CaseDoc for InCase {
        fn case_id(&self) -> &str {
            &self.case
        }
    }

    #[test]
    fn a_case_document_opens_only_in_its_own_case() {
        #[derive(Serialize)]
        struct Out<'a> {
            case: &'a str,
        }
        let key = x25519::Identity::generate();
        let sealed = Envelope::new([key.to_public()])
            .seal(&Out { case: "a" })
            .unwrap();
        let keys = [&key as &dyn age::Identity];
        let doc: Option<InCase> = open_case_doc(&sealed, &keys, "a").unwrap();
        assert_eq!(doc.map(|d| d.case).as_deref(), Some("a"));
        assert!(matches!(
            open_case_doc::<InCase>(&sealed, &keys, "b"),
            Err(SealError::OtherCase)
        ));
        let stranger = x25519::Identity::generate();
        let none = open_case_doc::<InCase>(&sealed, &[&stranger as &dyn age::Identity], "a");
        assert!(matches!(none, Ok(None)));
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        let id = x25519::Identity::generate();
        for junk in [&b""[..], b"age-encryption.org/v1\n", &[0xff; 300]] {
            assert!(open::<Doc>(junk, &[&id as &dyn age::Identity]).is_err());
        }
    }

    #[test]
    fn hex_is_lowercase_and_reads_either_case_and_nothing_else() {
        assert_eq!(hex(&[0x00, 0x7f, 0xab, 0xff]), "007fabff");
        assert_eq!(hex(&[]), "");
        assert_eq!(unhex("007FabFF"), Some(vec![0x00, 0x7f, 0xab, 0xff]));
        assert_eq!(unhex(""), Some(vec![]));
        for bad in ["0", "0g", "+f", "-1", " 1", "ää", "00 "] {
            assert_eq!(unhex(bad), None, "{bad:?}");
        }
    }
}
