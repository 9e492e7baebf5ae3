//! What suoja takes as an e-mail address, wherever one is typed: a client's
//! contact address, an invitation's, a staff account's. One mailbox, strict
//! enough that what passes is plainly an address (no markup, quotes,
//! spaces, control characters or second `@`) and loose enough for real
//! ones: plus addressing, subdomains, and domains written in Unicode
//! (`x@müller.de`). The part before the `@` is ASCII, as nearly every mail
//! system gives them out. Callers trim what was typed; a refusal is theirs
//! to word.

/// The longest address, in bytes (RFC 5321's path less its brackets).
pub const EMAIL_MAX: usize = 254;

/// The characters a local part may hold besides ASCII letters and digits:
/// RFC 5322's `atext` without its quote characters (`'` and `` ` ``).
const LOCAL_SPECIALS: &str = "!#$%&*+-/=?^_{|}~";

/// Whether `text` is one e-mail address as suoja accepts them.
pub fn is_email_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    text.len() <= EMAIL_MAX
        && is_local_part(local)
        && is_domain(domain)
        // What invitations are mailed with; it also checks the IDNA form of
        // a domain written in Unicode.
        && text.parse::<lettre::Address>().is_ok()
}

/// At most 64 bytes of ASCII letters, digits and [`LOCAL_SPECIALS`], in
/// non-empty parts between dots (no dot first, last or twice in a row).
fn is_local_part(local: &str) -> bool {
    local.len() <= 64
        && local.split('.').all(|atom| {
            !atom.is_empty()
                && atom
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || LOCAL_SPECIALS.contains(c))
        })
}

/// Two or more labels between dots, the last not all digits (a bare IP
/// number is no one's address domain), at most 253 bytes.
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|label| is_label(label))
        && labels
            .last()
            .is_some_and(|top| !top.chars().all(|c| c.is_ascii_digit()))
}

/// 1-63 letters or digits of any script and hyphens, no hyphen first or last.
fn is_label(label: &str) -> bool {
    (1..=63).contains(&label.chars().count())
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.chars().all(|c| c.is_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::is_email_address;

    #[test]
    fn ordinary_addresses_are_accepted() {
        for ok in [
            "matti@esimerkki.fi",
            "a.b+c@posti.example.org",
            "x@müller.de",
            "maija@kunta.ääkkönen.fi",
            "Anna.Berg@Example.COM",
            "first_last-2@sub.domain.example",
            "o&m{x}=1%2/y?^|~#$!*@example.org",
            // Valid, and hostile-looking: escaping on output is what keeps
            // it text (tests/browser/hostile.mjs sends it).
            "&lt&#60b&gt{{7*7}}${7*7}%3Cscript%3E/=?^|~#!*@pwn.invalid",
            "a@xn--mller-kva.de",
            "a@b.fi",
        ] {
            assert!(is_email_address(ok), "{ok}");
        }
    }

    #[test]
    fn markup_quotes_spaces_and_controls_are_refused() {
        for bad in [
            "xss@example.org<script>",
            "<xss@example.org>",
            "a>b@example.org",
            "matti @esimerkki.fi",
            "matti@ esimerkki.fi",
            "matti@esimerkki .fi",
            "\"quoted\"@example.org",
            "o'brien@example.org",
            "a`b@example.org",
            "a\u{0}b@example.org",
            "a\tb@example.org",
            "a@example.org\n",
            "a\u{200b}b@example.org",
            "Matti Meikäläinen <matti@esimerkki.fi>",
        ] {
            assert!(!is_email_address(bad), "{bad:?}");
        }
    }

    #[test]
    fn the_at_sign_the_local_part_and_the_domain_are_checked() {
        for bad in [
            "",
            "@",
            "matti",
            "matti.esimerkki.fi",
            "@esimerkki.fi",
            "a@b@esimerkki.fi",
            "matti@@esimerkki.fi",
            ".matti@esimerkki.fi",
            "matti.@esimerkki.fi",
            "ma..tti@esimerkki.fi",
            "matti@esimerkki",
            "matti@localhost",
            "matti@.esimerkki.fi",
            "matti@esimerkki.fi.",
            "matti@esimerkki..fi",
            "matti@-esimerkki.fi",
            "matti@esimerkki-.fi",
            "matti@esi_merkki.fi",
            "matti@esimerkki.fi:25",
            "matti@[192.0.2.1]",
            "matti@192.0.2.1",
            "matti@esi/merkki.fi",
            "mätti@esimerkki.fi",
        ] {
            assert!(!is_email_address(bad), "{bad:?}");
        }
        let long_local = format!("{}@example.org", "a".repeat(65));
        assert!(!is_email_address(&long_local));
        let long_label = format!("a@{}.fi", "b".repeat(64));
        assert!(!is_email_address(&long_label));
        let long = format!("a@{}.fi", vec!["b".repeat(60); 5].join("."));
        assert!(long.len() > super::EMAIL_MAX && !is_email_address(&long));
    }
}
