//! The answers hyper writes itself get the security headers on their way
//! out: see [`HeadedStream`].

use std::pin::Pin;
use std::task::{Context, Poll, ready};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// A connection's stream that puts the security headers (and `cache-control:
/// no-store`, `connection: close`) into a response head hyper wrote itself.
/// Every head of ours has `content-security-policy`; one without it, of a
/// status hyper answers parse errors with, is hyper's.
///
/// hyper writes a head at the start of a write (the stream is not vectored,
/// so it flattens a head and its body into one buffer) unless the previous
/// write was partial and this one carries the rest: only a write that
/// follows a whole one is looked at.
pub struct HeadedStream {
    inner: TcpStream,
    /// A rewritten head, and how much of it is written.
    pending: Vec<u8>,
    sent: usize,
    /// The last write took only part of its buffer.
    partial: bool,
}

impl HeadedStream {
    pub fn new(inner: TcpStream) -> HeadedStream {
        HeadedStream {
            inner,
            pending: Vec::new(),
            sent: 0,
            partial: false,
        }
    }

    /// Writes what is left of a rewritten head.
    fn poll_pending(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        while self.sent < self.pending.len() {
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &self.pending[self.sent..]))?;
            if n == 0 {
                return Poll::Ready(Err(std::io::ErrorKind::WriteZero.into()));
            }
            self.sent += n;
        }
        self.pending.clear();
        self.sent = 0;
        Poll::Ready(Ok(()))
    }
}

/// The statuses hyper answers a request it cannot parse with.
const HYPER_STATUSES: [&[u8]; 3] = [b"400 ", b"414 ", b"431 "];

/// `buf` with the security headers after its status line, if it starts
/// with a head of hyper's own.
fn with_security_headers(buf: &[u8]) -> Option<Vec<u8>> {
    let rest = buf.strip_prefix(b"HTTP/1.1 ")?;
    if !HYPER_STATUSES.iter().any(|s| rest.starts_with(s)) {
        return None;
    }
    let head_end = find(buf, b"\r\n\r\n")? + 2;
    let line_end = find(buf, b"\r\n")? + 2;
    let head = buf[..head_end].to_ascii_lowercase();
    if find(&head, b"\r\ncontent-security-policy:").is_some() {
        return None;
    }
    let mut out = Vec::with_capacity(buf.len() + 512);
    out.extend_from_slice(&buf[..line_end]);
    let extra = [("cache-control", "no-store"), ("connection", "close")];
    for (name, value) in crate::app::SECURITY_HEADERS.into_iter().chain(extra) {
        let line = format!("\r\n{name}:");
        if name == "connection" && find(&head, line.as_bytes()).is_some() {
            continue;
        }
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(&buf[line_end..]);
    Some(out)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

impl AsyncRead for HeadedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for HeadedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = &mut *self;
        ready!(this.poll_pending(cx))?;
        let head = match this.partial {
            true => None,
            false => with_security_headers(buf),
        };
        if let Some(head) = head {
            // Taken whole; written out here or on the next flush.
            this.pending = head;
            this.sent = 0;
            if let Poll::Ready(Err(e)) = this.poll_pending(cx) {
                return Poll::Ready(Err(e));
            }
            return Poll::Ready(Ok(buf.len()));
        }
        let n = ready!(Pin::new(&mut this.inner).poll_write(cx, buf))?;
        this.partial = n < buf.len();
        Poll::Ready(Ok(n))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        ready!(self.poll_pending(cx))?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        ready!(self.poll_pending(cx))?;
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_of_hyper_s_own_gets_the_security_headers_after_its_status_line() {
        let hyper = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n";
        let out = String::from_utf8(with_security_headers(hyper).unwrap()).unwrap();
        assert!(out.starts_with("HTTP/1.1 400 Bad Request\r\ncontent-security-policy: "));
        for line in ["cache-control: no-store\r\n", "connection: close\r\n"] {
            assert_eq!(out.matches(line).count(), 1, "{out}");
        }
        assert!(out.ends_with("content-length: 0\r\n\r\n"));
        let closing = b"HTTP/1.1 431 Too Large\r\nconnection: close\r\n\r\n";
        let out = String::from_utf8(with_security_headers(closing).unwrap()).unwrap();
        assert_eq!(out.matches("connection: close").count(), 1, "{out}");
    }

    #[test]
    fn our_own_heads_and_bodies_pass_as_they_are() {
        let ours = b"HTTP/1.1 400 Bad Request\r\nContent-Security-Policy: x\r\n\r\nbody";
        assert!(with_security_headers(ours).is_none());
        assert!(with_security_headers(b"HTTP/1.1 200 OK\r\n\r\n").is_none());
        assert!(with_security_headers(b"<!doctype html>").is_none());
        assert!(with_security_headers(b"HTTP/1.1 400 incomplete\r\n").is_none());
    }
}
