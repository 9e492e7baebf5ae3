//! A minimal client for Redis's wire protocol (RESP2) over one TCP
//! connection: commands out as arrays of bulk strings, replies in as the
//! five RESP2 types. It speaks only what the shared rate limits need
//! (`EVAL`, `SET`, `GET`, `CONFIG GET`, `PING`), plain TCP, no AUTH: the
//! store runs on loopback or a private network (docs/DEPLOYMENT.md).

use std::io;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// Longest reply line or bulk string accepted: replies here are a few bytes.
const MAX_REPLY: usize = 64 * 1024;
/// Deepest nesting of arrays accepted.
const MAX_DEPTH: usize = 4;

/// A reply, as RESP2 has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    Status(String),
    /// An error reply (`-ERR …`): the server refused the command.
    Error(String),
    Int(i64),
    Bulk(Option<Vec<u8>>),
    Array(Option<Vec<Reply>>),
}

impl Reply {
    /// The bulk or status reply as text.
    pub fn text(&self) -> Option<String> {
        match self {
            Reply::Bulk(Some(b)) => String::from_utf8(b.clone()).ok(),
            Reply::Status(s) => Some(s.clone()),
            _ => None,
        }
    }
}

pub struct Conn {
    stream: BufReader<TcpStream>,
    timeout: Duration,
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}

fn timed_out() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "no answer in time")
}

impl Conn {
    /// Connects to `addr` (`host:port`), each step within `timeout`.
    pub async fn connect(addr: &str, timeout: Duration) -> io::Result<Conn> {
        let stream = tokio::time::timeout(timeout, TcpStream::connect(addr))
            .await
            .map_err(|_| timed_out())??;
        stream.set_nodelay(true)?;
        Ok(Conn {
            stream: BufReader::new(stream),
            timeout,
        })
    }

    /// Sends one command and reads its reply. An I/O error or a reply that
    /// is not RESP leaves the connection unusable: drop it.
    pub async fn call(&mut self, args: &[&[u8]]) -> io::Result<Reply> {
        let request = encode(args);
        tokio::time::timeout(self.timeout, async {
            self.stream.get_mut().write_all(&request).await?;
            read_reply(&mut self.stream, 0).await
        })
        .await
        .map_err(|_| timed_out())?
    }
}

/// A command as RESP: an array of bulk strings.
pub fn encode(args: &[&[u8]]) -> Vec<u8> {
    let mut out = format!("*{}\r\n", args.len()).into_bytes();
    for a in args {
        out.extend_from_slice(format!("${}\r\n", a.len()).as_bytes());
        out.extend_from_slice(a);
        out.extend_from_slice(b"\r\n");
    }
    out
}

async fn read_line<R: AsyncBufReadExt + Unpin>(r: &mut R) -> io::Result<String> {
    let mut line = Vec::new();
    let n = (&mut *r)
        .take(MAX_REPLY as u64)
        .read_until(b'\n', &mut line)
        .await?;
    if n == 0 {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    if !line.ends_with(b"\r\n") {
        return Err(bad("reply line not ended by CRLF"));
    }
    line.truncate(line.len() - 2);
    String::from_utf8(line).map_err(|_| bad("reply line not UTF-8"))
}

fn length(s: &str) -> io::Result<Option<usize>> {
    let n: i64 = s.parse().map_err(|_| bad("bad length"))?;
    match n {
        -1 => Ok(None),
        n if (0..=MAX_REPLY as i64).contains(&n) => Ok(Some(n as usize)),
        _ => Err(bad("length out of range")),
    }
}

/// Reads one reply (arrays recursively, at most `MAX_DEPTH` deep).
pub async fn read_reply<R: AsyncBufReadExt + Unpin>(r: &mut R, depth: usize) -> io::Result<Reply> {
    if depth > MAX_DEPTH {
        return Err(bad("reply nested too deep"));
    }
    let line = read_line(r).await?;
    let (kind, rest) = line.split_at_checked(1).ok_or_else(|| bad("empty reply"))?;
    Ok(match kind {
        "+" => Reply::Status(rest.to_owned()),
        "-" => Reply::Error(rest.to_owned()),
        ":" => Reply::Int(rest.parse().map_err(|_| bad("bad integer"))?),
        "$" => match length(rest)? {
            None => Reply::Bulk(None),
            Some(n) => {
                let mut data = vec![0u8; n + 2];
                r.read_exact(&mut data).await?;
                if !data.ends_with(b"\r\n") {
                    return Err(bad("bulk string not ended by CRLF"));
                }
                data.truncate(n);
                Reply::Bulk(Some(data))
            }
        },
        "*" => match length(rest)? {
            None => Reply::Array(None),
            Some(n) => {
                let mut items = Vec::with_capacity(n.min(64));
                for _ in 0..n {
                    items.push(Box::pin(read_reply(r, depth + 1)).await?);
                }
                Reply::Array(Some(items))
            }
        },
        _ => return Err(bad("unknown reply type")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn parse(bytes: &[u8]) -> io::Result<Reply> {
        read_reply(&mut BufReader::new(bytes), 0).await
    }

    #[test]
    fn a_command_is_an_array_of_bulk_strings() {
        assert_eq!(
            encode(&[b"GET", b"k y"]),
            b"*2\r\n$3\r\nGET\r\n$3\r\nk y\r\n".to_vec()
        );
        assert_eq!(encode(&[b"SET", b""]), b"*2\r\n$3\r\nSET\r\n$0\r\n\r\n");
    }

    #[tokio::test]
    async fn every_reply_type_is_read() {
        assert_eq!(parse(b"+OK\r\n").await.unwrap(), Reply::Status("OK".into()));
        assert_eq!(
            parse(b"-ERR no\r\n").await.unwrap(),
            Reply::Error("ERR no".into())
        );
        assert_eq!(parse(b":-42\r\n").await.unwrap(), Reply::Int(-42));
        assert_eq!(parse(b"$-1\r\n").await.unwrap(), Reply::Bulk(None));
        assert_eq!(
            parse(b"$4\r\na\r\nb\r\n").await.unwrap(),
            Reply::Bulk(Some(b"a\r\nb".to_vec()))
        );
        assert_eq!(
            parse(b"*3\r\n:1\r\n$0\r\n\r\n*-1\r\n").await.unwrap(),
            Reply::Array(Some(vec![
                Reply::Int(1),
                Reply::Bulk(Some(vec![])),
                Reply::Array(None)
            ]))
        );
    }

    #[tokio::test]
    async fn broken_truncated_and_hostile_replies_are_errors_not_panics() {
        for bytes in [
            &b""[..],
            b"+OK",
            b"+OK\n",
            b"?x\r\n",
            b":x\r\n",
            b"$5\r\nab\r\n",
            b"$2\r\nabcd",
            b"$-2\r\n",
            b"$99999999999\r\n",
            b"*99999999999\r\n",
            b"*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n:1\r\n",
            b"*2\r\n:1\r\n",
            b"\r\n",
        ] {
            assert!(parse(bytes).await.is_err(), "{bytes:?}");
        }
    }
}
