//! Slow and oversized requests, over raw TCP: a slowloris client sending
//! its headers a byte at a time, a body that trickles in, and a body far
//! over the limit must not hold the server, and each is cut off.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::*;

/// The server's `host:port`.
pub fn addr(app: &TestApp) -> String {
    app.base.trim_start_matches("http://").to_owned()
}

/// How a slow connection ended: when the server closed it (from the first
/// byte sent), and the status line of what it answered first, if anything.
#[derive(Debug)]
pub struct Ended {
    pub after: Duration,
    pub answer: Option<String>,
}

/// A connection to `addr` from the loopback address `from`.
pub async fn connect_from(addr: &str, from: &str) -> TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(format!("{from}:0").parse().unwrap()).unwrap();
    socket.connect(addr.parse().unwrap()).await.unwrap()
}

/// Sends `head` at once, then `drip` a byte at a time every `every`,
/// reading whatever the server says, until the server closes the
/// connection or `give_up` passes (`None`: it never closed it).
pub async fn trickle(
    addr: String,
    from: &'static str,
    head: Vec<u8>,
    drip: Vec<u8>,
    every: Duration,
    give_up: Duration,
) -> Option<Ended> {
    let started = Instant::now();
    let mut stream = connect_from(&addr, from).await;
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    let closed = |answer: &Vec<u8>| Ended {
        after: started.elapsed(),
        answer: (!answer.is_empty()).then(|| {
            String::from_utf8_lossy(answer)
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned()
        }),
    };
    if stream.write_all(&head).await.is_err() {
        return Some(closed(&answer));
    }
    let mut drip = drip.into_iter().cycle();
    while started.elapsed() < give_up {
        tokio::select! {
            read = stream.read(&mut buf) => match read {
                Ok(0) | Err(_) => return Some(closed(&answer)),
                Ok(n) => answer.extend_from_slice(&buf[..n]),
            },
            () = tokio::time::sleep(every) => {
                let byte = [drip.next().unwrap_or(b'a')];
                if stream.write_all(&byte).await.is_err() {
                    // The server is gone from this socket; collect what it said.
                    while let Ok(n) = stream.read(&mut buf).await {
                        if n == 0 { break; }
                        answer.extend_from_slice(&buf[..n]);
                    }
                    return Some(closed(&answer));
                }
            }
        }
    }
    None
}

#[tokio::test]
async fn slow_headers_and_slow_bodies_are_cut_off_while_others_are_served() {
    let app = spawn_with(Options {
        extra_limits: "header_timeout_seconds = 2\nbody_timeout_seconds = 3".into(),
        ..Options::default()
    })
    .await;
    let addr = addr(&app);
    let every = Duration::from_millis(200);
    let give_up = Duration::from_secs(20);
    let mut slow = tokio::task::JoinSet::new();
    // 150 slowloris connections: a request line, then header bytes that
    // never end.
    for _ in 0..150 {
        slow.spawn(trickle(
            addr.clone(),
            "127.0.0.1",
            b"GET /en/ HTTP/1.1\r\nhost: x\r\nx-slow: ".to_vec(),
            b"abcdefgh".to_vec(),
            every,
            give_up,
        ));
    }
    // 50 slow bodies: a whole head announcing a body that comes a byte at
    // a time.
    let token = app.form_token("en", SERVICE).await;
    for _ in 0..50 {
        let head = format!(
            "POST /en/services/{SERVICE} HTTP/1.1\r\nhost: x\r\n\
             content-type: application/x-www-form-urlencoded\r\n\
             content-length: 100000\r\n\r\ntoken={token}&topic=general&way=none&message="
        );
        slow.spawn(trickle(
            addr.clone(),
            "127.0.0.1",
            head.into_bytes(),
            b"slow".to_vec(),
            every,
            give_up,
        ));
    }

    // Meanwhile everyone else is served: pages and real submissions.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut served = 0;
    for i in 0..20 {
        assert_eq!(app.get("/en/").await.0, 200, "page {i} during the attack");
        served += 1;
        if i % 5 == 0 {
            app.submit_ok("written while others are slow").await;
        }
    }
    assert_eq!(served, 20);

    let mut heads = Vec::new();
    let mut bodies = Vec::new();
    while let Some(ended) = slow.join_next().await {
        let ended = ended
            .unwrap()
            .expect("a slow connection was still open after 20 s");
        match ended.answer {
            None => heads.push(ended.after),
            Some(status) => bodies.push((ended.after, status)),
        }
    }
    // Slow heads are closed without an answer, slow bodies with one.
    assert_eq!(heads.len(), 150, "slow heads closed silently: {bodies:?}");
    assert_eq!(bodies.len(), 50);
    for (after, status) in &bodies {
        assert!(
            status.starts_with("HTTP/1.1 4"),
            "a slow body gets a refusal: {status}"
        );
        assert!(*after >= Duration::from_secs(3), "cut before its time");
    }
    let latest = heads
        .iter()
        .chain(bodies.iter().map(|(after, _)| after))
        .max()
        .unwrap();
    // A bound with room for a loaded machine: the timeouts are 2 and 3 s.
    assert!(
        *latest < Duration::from_secs(10),
        "the last slow connection was closed after {latest:?}"
    );
    assert_eq!(app.count("select count(*) from cases").await, 4);
    assert_eq!(app.get("/en/").await.0, 200);
}

#[tokio::test]
async fn an_oversized_body_is_refused_with_413_before_it_has_all_arrived() {
    let app = spawn_app().await;
    let token = app.form_token("en", SERVICE).await;
    let start = format!("token={token}&topic=general&way=none&message=");
    let chunk = vec![b'x'; 64 * 1024];
    for chunked in [false, true] {
        let mut stream = TcpStream::connect(addr(&app)).await.unwrap();
        // 64 MiB announced (or an endless chunked body); 256 KiB sent (the
        // limit is 128 KiB), then nothing more.
        let length = if chunked {
            "transfer-encoding: chunked".to_owned()
        } else {
            format!("content-length: {}", 64 * 1024 * 1024)
        };
        let head = format!(
            "POST /sv/services/{SERVICE} HTTP/1.1\r\nhost: x\r\n\
             content-type: application/x-www-form-urlencoded\r\n{length}\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        let mut pieces = vec![start.as_bytes().to_vec()];
        pieces.extend((0..4).map(|_| chunk.clone()));
        for piece in pieces {
            let mut bytes = piece.clone();
            if chunked {
                bytes = format!("{:x}\r\n", piece.len()).into_bytes();
                bytes.extend_from_slice(&piece);
                bytes.extend_from_slice(b"\r\n");
            }
            // The server may answer and close before all of it is written.
            if stream.write_all(&bytes).await.is_err() {
                break;
            }
        }
        let mut answer = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(15), async {
            let mut buf = [0u8; 8192];
            while let Ok(n) = stream.read(&mut buf).await {
                if n == 0 {
                    break;
                }
                answer.extend_from_slice(&buf[..n]);
            }
        })
        .await;
        assert!(
            read.is_ok(),
            "no answer and no close while the rest of the body was never sent (chunked: {chunked})"
        );
        let answer = String::from_utf8_lossy(&answer);
        assert!(
            answer.starts_with("HTTP/1.1 413"),
            "chunked: {chunked}: {}",
            &answer[..answer.len().min(200)]
        );
        assert!(answer.contains("Meddelandet är för stort"), "{answer}");
    }
    assert_eq!(app.count("select count(*) from cases").await, 0);
    assert_eq!(app.get("/en/").await.0, 200);
}
