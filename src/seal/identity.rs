//! Counsellor identities: standard age X25519 identities, stored only wrapped
//! with age passphrase encryption (scrypt) under the counsellor's password,
//! as an identity file that the reference `age` CLI can unwrap too.

use std::io::{Read, Write};

use age::x25519;
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use super::SealError;

/// scrypt work factor of the wrapping: N = 2^17, r = 8 (128 MiB, about a
/// third of a second on one core). Unwrapping happens once per login.
const WRAP_LOG_N: u8 = 17;

/// Items we wrapped never use more; anything above is refused unread.
const MAX_LOG_N: u8 = 18;

/// A wrapped identity file is a few hundred bytes.
const MAX_IDENTITY_FILE: u64 = 4096;

/// A fresh identity, and its identity file wrapped under `password`.
pub fn generate(password: &SecretString) -> Result<(x25519::Identity, Vec<u8>), SealError> {
    let identity = x25519::Identity::generate();
    let wrapped = wrap(&identity, password)?;
    Ok((identity, wrapped))
}

/// `identity` as an age identity file, passphrase-encrypted with `password`.
pub fn wrap(identity: &x25519::Identity, password: &SecretString) -> Result<Vec<u8>, SealError> {
    let file = Zeroizing::new(format!(
        "# suoja counsellor key\n# public key: {}\n{}\n",
        identity.to_public(),
        identity.to_string().expose_secret()
    ));
    let mut recipient = age::scrypt::Recipient::new(password.clone());
    recipient.set_work_factor(WRAP_LOG_N);
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as _))
        .map_err(|e| SealError::Encrypt(e.to_string()))?;
    let mut out = Vec::with_capacity(file.len() + 256);
    let write = |out: &mut Vec<u8>| -> std::io::Result<()> {
        let mut writer = encryptor.wrap_output(out)?;
        writer.write_all(file.as_bytes())?;
        writer.finish()?;
        Ok(())
    };
    write(&mut out).map_err(|e| SealError::Encrypt(e.to_string()))?;
    Ok(out)
}

/// Unwraps an identity file; a wrong password is `NotForThisKey`.
pub fn unwrap(wrapped: &[u8], password: &SecretString) -> Result<x25519::Identity, SealError> {
    let decryptor = age::Decryptor::new_buffered(wrapped).map_err(|_| SealError::Malformed)?;
    if !decryptor.is_scrypt() {
        return Err(SealError::Malformed);
    }
    let mut identity = age::scrypt::Identity::new(password.clone());
    identity.set_max_work_factor(MAX_LOG_N);
    let reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                SealError::NotForThisKey
            }
            _ => SealError::Malformed,
        })?;
    let mut text = Zeroizing::new(String::new());
    reader
        .take(MAX_IDENTITY_FILE)
        .read_to_string(&mut text)
        .map_err(|_| SealError::Malformed)?;
    super::keyfile::parse_identities(&text)
        .ok()
        .and_then(|found| found.into_iter().next())
        .ok_or(SealError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_identity_opens_with_its_password_only() {
        let password = SecretString::from("correct horse battery staple");
        let (identity, wrapped) = generate(&password).unwrap();
        let back = unwrap(&wrapped, &password).unwrap();
        assert_eq!(
            back.to_public().to_string(),
            identity.to_public().to_string()
        );
        let wrong = SecretString::from("correct horse battery stapler");
        assert!(matches!(
            unwrap(&wrapped, &wrong),
            Err(SealError::NotForThisKey)
        ));
        assert!(unwrap(b"not an age file", &password).is_err());
    }
}
