//! Key files as the reference `age` tool reads them, X25519 keys only:
//! recipients files (`age -R`: one `age1…` a line) and identity files
//! (`age -i`: `AGE-SECRET-KEY-1…` lines, as `age-keygen` writes them). In
//! both, blank lines and lines starting with `#` are skipped. Every reader
//! of a key file or a stored key calls these.

use std::path::Path;

use age::x25519;
use zeroize::Zeroizing;

/// The 1-based number of the first line that is not a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadLine(pub usize);

/// The lines that hold keys, with their 1-based numbers.
fn key_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .map(str::trim)
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(n, l)| (n + 1, l))
}

/// One `age1…` recipient.
pub fn parse_recipient(text: &str) -> Option<x25519::Recipient> {
    text.trim().parse().ok()
}

/// The recipients of a recipients file's text, in file order.
pub fn parse_recipients(text: &str) -> Result<Vec<x25519::Recipient>, BadLine> {
    key_lines(text)
        .map(|(n, line)| parse_recipient(line).ok_or(BadLine(n)))
        .collect()
}

/// Reads a recipients file; one that holds no recipient is an error. The
/// error names the file (and the line).
pub fn read_recipients_file(path: &Path) -> Result<Vec<x25519::Recipient>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read recipients file {}: {e}", path.display()))?;
    let found = parse_recipients(&text).map_err(|BadLine(n)| {
        format!(
            "{} line {n}: not an age X25519 recipient (age1…)",
            path.display()
        )
    })?;
    if found.is_empty() {
        return Err(format!("{} holds no recipient", path.display()));
    }
    Ok(found)
}

/// The identities of an identity file's text, in file order.
pub fn parse_identities(text: &str) -> Result<Vec<x25519::Identity>, BadLine> {
    key_lines(text)
        .map(|(n, line)| line.parse().map_err(|_| BadLine(n)))
        .collect()
}

/// Reads an identity file; one that holds no identity is an error. The
/// text is wiped once parsed; errors name the file and the line, never
/// what is on it.
pub fn read_identity_file(path: &Path) -> Result<Vec<x25519::Identity>, String> {
    let text = Zeroizing::new(
        std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?,
    );
    let found = parse_identities(&text)
        .map_err(|BadLine(n)| format!("{} line {n}: not an age X25519 identity", path.display()))?;
    if found.is_empty() {
        return Err(format!("{}: no identity in the file", path.display()));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn comments_and_blank_lines_are_skipped_and_a_bad_line_is_named() {
        let a = x25519::Identity::generate();
        let b = x25519::Identity::generate();
        let text = format!("# team\n{}\n\n  {}  \n", a.to_public(), b.to_public());
        let found = parse_recipients(&text).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].to_string(), b.to_public().to_string());
        let bad = format!("{text}ssh-ed25519 AAAA nope\n");
        assert_eq!(parse_recipients(&bad).err(), Some(BadLine(5)));
        assert_eq!(parse_recipients("# none\n").map(|r| r.len()), Ok(0));
    }

    #[test]
    fn an_identity_file_as_age_keygen_writes_it_parses() {
        let key = x25519::Identity::generate();
        let text = format!(
            "# created: 2026-01-01T00:00:00Z\n# public key: {}\n{}\n",
            key.to_public(),
            key.to_string().expose_secret()
        );
        let found = parse_identities(&text).unwrap();
        assert_eq!(
            found[0].to_public().to_string(),
            key.to_public().to_string()
        );
        let bad = format!("{text}{}\n", key.to_public());
        assert_eq!(parse_identities(&bad).err(), Some(BadLine(4)));
    }
}
