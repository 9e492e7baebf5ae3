//! `SmtpServer`: a real SMTP server for the notification tests. It is
//! aiosmtpd, run from the venv that `scripts/test` makes at
//! `target/smtp-venv`, with its Maildir handler; `mails()` reads and decodes
//! what it received.

use std::fs::File;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct SmtpServer {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Child,
}

/// One delivered message: its raw text, and the parts tests look at, decoded.
#[derive(Debug, Clone)]
pub struct Mail {
    pub raw: String,
    pub to: String,
    pub subject: String,
    pub date: String,
    pub body: String,
}

fn python() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/smtp-venv/bin/python")
}

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl SmtpServer {
    pub async fn start() -> SmtpServer {
        SmtpServer::start_on(free_port()).await
    }

    /// Starts aiosmtpd on `port` and waits until it accepts connections.
    pub async fn start_on(port: u16) -> SmtpServer {
        let python = python();
        assert!(
            python.exists(),
            "the test SMTP server is not installed ({} is missing): run scripts/test, \
             which installs aiosmtpd into target/smtp-venv",
            python.display()
        );
        let dir = tempfile::tempdir().unwrap();
        let log = File::create(dir.path().join("aiosmtpd.log")).unwrap();
        let child = Command::new(&python)
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir.path().join("maildir"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        let mut server = SmtpServer { port, dir, child };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!(
                    "aiosmtpd exited ({status}); if it is not installed, run scripts/test:\n{}",
                    server.log()
                );
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "aiosmtpd did not listen on port {port}:\n{}",
                server.log()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        server
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("aiosmtpd.log")).unwrap_or_default()
    }

    /// Every message delivered so far, in no particular order.
    pub fn mails(&self) -> Vec<Mail> {
        let mut found = Vec::new();
        for sub in ["new", "cur"] {
            let Ok(entries) = std::fs::read_dir(self.dir.path().join("maildir").join(sub)) else {
                continue;
            };
            for entry in entries {
                let bytes = std::fs::read(entry.unwrap().path()).unwrap();
                found.push(Mail::parse(&String::from_utf8_lossy(&bytes)));
            }
        }
        found
    }

    /// Waits until at least `n` messages were delivered, then returns them all.
    pub async fn wait_for(&self, n: usize) -> Vec<Mail> {
        let started = Instant::now();
        loop {
            let mails = self.mails();
            if mails.len() >= n {
                return mails;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "{} of {n} mails arrived:\n{mails:#?}\n{}",
                mails.len(),
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Mail {
    /// Parses RFC 5322 text enough for the tests: unfolds headers, decodes
    /// encoded words in the subject and a quoted-printable or base64 body.
    pub fn parse(raw: &str) -> Mail {
        let text = raw.replace("\r\n", "\n");
        let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in head.lines() {
            if line.starts_with([' ', '\t']) {
                let last = headers.last_mut().expect("a continued header");
                last.1.push(' ');
                last.1.push_str(line.trim());
            } else if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
            }
        }
        let header = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let body = match header("content-transfer-encoding")
            .to_ascii_lowercase()
            .as_str()
        {
            "quoted-printable" => utf8(decode_quoted_printable(body, false)),
            "base64" => utf8(decode_base64(body)),
            _ => body.to_owned(),
        };
        Mail {
            raw: raw.to_owned(),
            to: header("to"),
            subject: decode_words(&header("subject")),
            date: header("date"),
            body,
        }
    }

    /// The time of day in the Date header, `HH:MM:SS`.
    pub fn time_of_day(&self) -> &str {
        self.date
            .split_whitespace()
            .find(|part| part.len() == 8 && part.matches(':').count() == 2)
            .unwrap_or_else(|| panic!("no time in the Date header {:?}", self.date))
    }
}

fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("a UTF-8 body")
}

/// RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`); whitespace
/// between two encoded words is dropped.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut last_was_word = false;
    for token in value.split_whitespace() {
        let word = token
            .strip_prefix("=?")
            .and_then(|t| t.strip_suffix("?="))
            .and_then(|t| {
                let mut parts = t.splitn(3, '?');
                Some((parts.next()?, parts.next()?, parts.next()?))
            });
        let between_words = last_was_word && word.is_some();
        if !out.is_empty() && !between_words {
            out.push(' ');
        }
        match word {
            Some((_charset, "b" | "B", data)) => out.push_str(&utf8(decode_base64(data))),
            Some((_charset, _, data)) => {
                out.push_str(&utf8(decode_quoted_printable(data, true)));
            }
            None => out.push_str(token),
        }
        last_was_word = word.is_some();
    }
    out
}

/// Quoted-printable (RFC 2045); `underscore_is_space` for encoded words.
fn decode_quoted_printable(text: &str, underscore_is_space: bool) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'=' if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            b'=' if bytes.get(i + 1) == Some(&b'\r') => i += 3,
            b'=' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).expect("quoted-printable hex"));
                i += 3;
            }
            b'_' if underscore_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

fn decode_base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        if c == b'=' {
            break;
        }
        let Some(v) = ALPHABET.iter().position(|&a| a == c) else {
            continue; // line breaks
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[test]
fn the_mail_parser_decodes_what_lettre_writes() {
    let raw = "To: a@example.org\r\nSubject: =?utf-8?b?c3VvamE6IMK3?=\r\n \
               =?utf-8?q?_ny_aktivitet?=\r\nDate: Tue, 14 Nov 2023 22:00:00 +0000\r\n\
               Content-Transfer-Encoding: quoted-printable\r\n\r\n\
               Suojassa on uutta toimintaa n=C3=A4iss=C3=A4 =\r\npalveluissa:\r\n";
    let mail = Mail::parse(raw);
    assert_eq!(mail.to, "a@example.org");
    assert_eq!(mail.subject, "suoja: · ny aktivitet");
    assert_eq!(mail.time_of_day(), "22:00:00");
    assert_eq!(
        mail.body,
        "Suojassa on uutta toimintaa näissä palveluissa:\n"
    );
    assert_eq!(decode_base64("w6TDtsOl"), "äöå".as_bytes());
}
