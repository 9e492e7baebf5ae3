//! Staff passwords: argon2id at the OWASP minimum cost (m = 19 MiB, t = 2,
//! p = 1), keyed with a secret derived from the pepper, so a stolen database
//! alone cannot be used to test guesses against a hash. Hashing runs on the
//! blocking pool, at most two at a time, so a flood of logins cannot starve
//! the async workers.

use std::sync::Arc;

use secrecy::{ExposeSecret, SecretString};
use tokio::sync::Semaphore;
use zeroize::Zeroizing;

use crate::seal::Pepper;

const MIN_CHARS: usize = 12;
const MAX_BYTES: usize = 1024;

/// A password that meets the policy: 12 characters or more, at most 1 KiB.
pub struct NewPassword(SecretString);

impl NewPassword {
    pub fn parse(text: &str) -> Result<NewPassword, &'static str> {
        if text.chars().count() < MIN_CHARS {
            return Err("error-password-short");
        }
        if text.len() > MAX_BYTES {
            return Err("error-password-long");
        }
        Ok(NewPassword(SecretString::from(text)))
    }

    /// A random password of 20 letters and digits, for a new account.
    pub fn generate() -> NewPassword {
        use rand::Rng;
        const CHARS: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        let mut rng = rand::rngs::OsRng;
        let text: Zeroizing<String> = Zeroizing::new(
            (0..20)
                .map(|_| CHARS[rng.gen_range(0..CHARS.len())] as char)
                .collect(),
        );
        NewPassword(SecretString::from(text.as_str()))
    }

    pub fn secret(&self) -> &SecretString {
        &self.0
    }
}

#[derive(Clone)]
pub struct Hasher(Arc<Inner>);

struct Inner {
    key: Zeroizing<[u8; 32]>,
    /// Two hashes at a time (19 MiB each), held for the whole of the work.
    permits: Arc<Semaphore>,
    /// Verified against when the user name is unknown, so that answer takes
    /// as long as a wrong password.
    dummy: String,
}

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("argon2: {0}")]
    Argon2(#[from] argon2::Error),
    #[error("hashing task failed")]
    Task,
}

fn params(key: &[u8]) -> argon2::Config<'_> {
    argon2::Config {
        variant: argon2::Variant::Argon2id,
        version: argon2::Version::Version13,
        mem_cost: 19_456,
        time_cost: 2,
        lanes: 1,
        secret: key,
        ad: &[],
        hash_length: 32,
        thread_mode: argon2::ThreadMode::Sequential,
    }
}

fn hash_blocking(key: &[u8; 32], password: &[u8]) -> Result<String, argon2::Error> {
    let mut salt = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut salt);
    argon2::hash_encoded(password, &salt, &params(key))
}

impl Hasher {
    pub fn new(pepper: &Pepper) -> Result<Hasher, HashError> {
        let key = pepper.derive("staff-password");
        let dummy = hash_blocking(&key, b"not anybody's password")?;
        Ok(Hasher(Arc::new(Inner {
            key,
            permits: Arc::new(Semaphore::new(2)),
            dummy,
        })))
    }

    pub async fn hash(&self, password: &NewPassword) -> Result<String, HashError> {
        let inner = self.0.clone();
        let password = password.0.clone();
        self.on_blocking_pool(move || {
            hash_blocking(&inner.key, password.expose_secret().as_bytes())
        })
        .await?
        .map_err(Into::into)
    }

    /// Runs `job` on the blocking pool under one of two permits, held for
    /// the whole of the work (`under_permit`).
    async fn on_blocking_pool<T, F>(&self, job: F) -> Result<T, HashError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        super::under_permit(&self.0.permits, job)
            .await
            .ok_or(HashError::Task)
    }

    /// Checks `password` against `encoded`, or against a dummy hash when
    /// there is no account, so both take the same time.
    pub async fn verify(
        &self,
        encoded: Option<String>,
        password: &SecretString,
    ) -> Result<bool, HashError> {
        let inner = self.0.clone();
        let password = password.clone();
        let known = encoded.is_some();
        let ok = self
            .on_blocking_pool(move || {
                let encoded = encoded.as_deref().unwrap_or(&inner.dummy);
                argon2::verify_encoded_ext(
                    encoded,
                    password.expose_secret().as_bytes(),
                    &inner.key[..],
                    &[],
                )
            })
            .await?;
        Ok(known && ok.unwrap_or(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let hasher = Hasher::new(&Pepper::for_tests()).unwrap();
        let pw = NewPassword::parse("a long enough password").unwrap();
        let encoded = hasher.hash(&pw).await.unwrap();
        assert!(encoded.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            hasher
                .verify(Some(encoded.clone()), pw.secret())
                .await
                .unwrap()
        );
        let other = SecretString::from("a long enough passworD");
        assert!(!hasher.verify(Some(encoded.clone()), &other).await.unwrap());
        assert!(!hasher.verify(None, pw.secret()).await.unwrap());
        // Keyed with the pepper: another install cannot check the hash.
        let mut other_pepper = [0u8; 32];
        other_pepper[0] = 1;
        let stranger =
            Hasher::new(&Pepper::from_hex(&crate::seal::hex(&other_pepper)).unwrap()).unwrap();
        assert!(!stranger.verify(Some(encoded), pw.secret()).await.unwrap());
    }

    #[test]
    fn the_policy_wants_twelve_characters() {
        assert!(NewPassword::parse("short").is_err());
        assert!(NewPassword::parse("twelve chars").is_ok());
        assert!(NewPassword::parse(&"x".repeat(2000)).is_err());
        assert_eq!(NewPassword::generate().secret().expose_secret().len(), 20);
    }
}
