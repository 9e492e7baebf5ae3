//! Requests too broken or too big for the router, over raw TCP: whether
//! hyper answers them itself (a malformed request line, more headers than
//! it takes) or suoja does (a long URI, long headers), the answer carries
//! the security headers, `cache-control: no-store` and, for hyper's own,
//! `connection: close`.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::*;
use crate::slow_clients::addr;

/// Sends `request` and reads the answer's head, lower-cased, until the
/// server closes the connection or the head is complete.
async fn answer_to(app: &TestApp, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr(app)).await.unwrap();
    // The server may answer (and close) before all of a huge request is
    // sent; what it answers is what counts.
    let (mut read, mut write) = stream.split();
    let send = async {
        let _ = write.write_all(request).await;
    };
    let receive = async {
        let mut answer = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            match read.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buf[..n]),
            }
            if answer.windows(4).any(|w| w == b"\r\n\r\n") {
                break;
            }
        }
        answer
    };
    let (_, answer) = tokio::time::timeout(Duration::from_secs(20), async {
        tokio::join!(send, receive)
    })
    .await
    .expect("the server answers within 20 s");
    String::from_utf8_lossy(&answer).to_lowercase()
}

fn assert_hardened(answer: &str, status: &str) {
    let head = answer.split("\r\n\r\n").next().unwrap();
    assert!(
        head.starts_with(&format!("http/1.1 {status} ")),
        "status {status}: {head}"
    );
    for header in [
        "content-security-policy: default-src 'none'",
        "referrer-policy: no-referrer",
        "x-content-type-options: nosniff",
        "x-frame-options: deny",
        "cross-origin-opener-policy: same-origin",
        "cross-origin-resource-policy: same-origin",
        "permissions-policy: camera=()",
        "cache-control: no-store",
    ] {
        assert_eq!(
            head.matches(&format!("\r\n{header}")).count(),
            1,
            "{header}: {head}"
        );
    }
}

#[tokio::test]
async fn a_malformed_request_line_gets_400_with_the_security_headers() {
    let app = spawn_app().await;
    let answer = answer_to(&app, b"GET /en/ HTTP/9.x\r\nHost: x\r\n\r\n").await;
    assert_hardened(&answer, "400");
    assert!(answer.contains("\r\nconnection: close\r\n"), "{answer}");
    let answer = answer_to(&app, b"\x01\x02 nonsense\r\n\r\n").await;
    assert_hardened(&answer, "400");
    // The server still answers normally after that.
    assert_eq!(app.get("/en/").await.0, 200);
}

#[tokio::test]
async fn a_20_kb_uri_gets_414_with_the_security_headers() {
    let app = spawn_app().await;
    let request = format!("GET /en/{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(20_000));
    assert_hardened(&answer_to(&app, request.as_bytes()).await, "414");
    // Past hyper's own 64 KiB limit too.
    let request = format!("GET /en/{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(70_000));
    assert_hardened(&answer_to(&app, request.as_bytes()).await, "414");
}

#[tokio::test]
async fn two_hundred_kb_of_headers_get_431_with_the_security_headers() {
    let app = spawn_app().await;
    // 50 long headers: hyper takes them, suoja refuses them.
    let mut request = String::from("GET /en/ HTTP/1.1\r\nHost: x\r\n");
    for i in 0..50 {
        request.push_str(&format!("x-filler-{i}: {}\r\n", "b".repeat(4000)));
    }
    request.push_str("\r\n");
    assert_hardened(&answer_to(&app, request.as_bytes()).await, "431");
    // 2,000 short ones: more than hyper takes, so hyper answers.
    let mut request = String::from("GET /en/ HTTP/1.1\r\nHost: x\r\n");
    for i in 0..2000 {
        request.push_str(&format!("x-filler-{i}: {}\r\n", "c".repeat(90)));
    }
    request.push_str("\r\n");
    let answer = answer_to(&app, request.as_bytes()).await;
    assert_hardened(&answer, "431");
    assert!(answer.contains("\r\nconnection: close\r\n"), "{answer}");
    // And past hyper's buffer (about 400 KiB) too.
    let mut request = String::from("GET /en/ HTTP/1.1\r\nHost: x\r\n");
    for i in 0..60 {
        request.push_str(&format!("x-filler-{i}: {}\r\n", "d".repeat(8000)));
    }
    request.push_str("\r\n");
    assert_hardened(&answer_to(&app, request.as_bytes()).await, "431");
}
