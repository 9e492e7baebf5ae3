//! The HTTP/1.1 accept loop. It is `axum::serve` with two bounds that
//! `axum::serve` cannot set, so a slow client (slowloris) holds nothing for
//! long:
//!
//! - a request's head (request line and headers) must arrive within
//!   `limits.header_timeout_seconds` of the server starting to wait for it,
//!   on a new connection and between requests of a kept-alive one; otherwise
//!   the connection is closed without an answer;
//! - its body must have arrived `limits.body_timeout_seconds` after the head;
//!   otherwise reading it fails, the handler answers as for a broken body,
//!   and the connection is closed.
//!
//! A request that arrives whole pays for neither: the header timer is armed
//! only when a head is incomplete, the body timer only when a body is.
//!
//! hyper answers a request it cannot parse (400, 414, 431) itself, past the
//! router and its header middleware; [`HeadedStream`] gives those answers
//! the security headers on their way out.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::{Bytes, Frame, Incoming, SizeHint};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::time::{Instant, Sleep};
use tower_service::Service;

mod headed;

use headed::HeadedStream;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How long the head and the body of a request may take to arrive.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub header: Duration,
    pub body: Duration,
}

/// Serves `router` on `listener` until `shutdown` resolves, then stops
/// accepting, lets requests in flight finish and returns once every
/// connection has closed.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    timeouts: Timeouts,
    shutdown: impl Future<Output = ()>,
) {
    // Connections watch `stop`; they hold `open` until they end, so
    // `open.closed()` tells when the last one is gone.
    let (stop, stopping) = watch::channel(());
    let (open, _) = watch::channel(());
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = Connection {
            router: router.clone(),
            peer,
            body_timeout: timeouts.body,
        };
        let mut stopping = stopping.clone();
        let open = open.subscribe();
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(timeouts.header);
            let conn = builder.serve_connection(TokioIo::new(HeadedStream::new(stream)), service);
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = stopping.changed() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.as_mut().await;
                }
            }
            drop(open);
        });
    }
    drop(listener);
    drop(stop);
    open.closed().await;
}

/// Errors that concern one connection are skipped; others (out of file
/// descriptors, say) are logged and waited out, as `axum::serve` does. The
/// error names no client.
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        e.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::warn!(error = %e, "accepting a connection failed");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// One connection's service: the router, told the peer's address and with
/// each request's body under a deadline.
struct Connection {
    router: Router,
    peer: SocketAddr,
    body_timeout: Duration,
}

impl hyper::service::Service<hyper::Request<Incoming>> for Connection {
    type Response = axum::response::Response;
    type Error = Infallible;
    type Future = axum::routing::future::RouteFuture<Infallible>;

    fn call(&self, request: hyper::Request<Incoming>) -> Self::Future {
        let deadline = Instant::now() + self.body_timeout;
        let mut request = request.map(|body| {
            Body::new(DeadlineBody {
                inner: body,
                deadline,
                sleep: None,
            })
        });
        request.extensions_mut().insert(ConnectInfo(self.peer));
        // A router is always ready.
        self.router.clone().call(request)
    }
}

/// A request body that fails once its deadline has passed. The timer is
/// set up only when the body is not all there when first read.
struct DeadlineBody {
    inner: Incoming,
    deadline: Instant,
    sleep: Option<Pin<Box<Sleep>>>,
}

#[derive(Debug, thiserror::Error)]
#[error("the request body did not arrive in time")]
pub struct BodyTooSlow;

impl hyper::body::Body for DeadlineBody {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(frame) => Poll::Ready(frame.map(|f| f.map_err(Into::into))),
            Poll::Pending => {
                let deadline = this.deadline;
                let sleep = this
                    .sleep
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline)));
                match sleep.as_mut().poll(cx) {
                    Poll::Ready(()) => Poll::Ready(Some(Err(BodyTooSlow.into()))),
                    Poll::Pending => Poll::Pending,
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        hyper::body::Body::is_end_stream(&self.inner)
    }

    fn size_hint(&self) -> SizeHint {
        hyper::body::Body::size_hint(&self.inner)
    }
}
