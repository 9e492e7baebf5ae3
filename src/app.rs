//! Application state, router assembly and the middleware every response
//! passes through: security headers, no caching, and a request log that
//! records the route template, status and latency, never who asked.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::abuse::{ClientNet, FormKey, Limiters};
use crate::config::Config;
use crate::db::{Db, Writer};
use crate::i18n::Lang;
use crate::intake::store::NewCase;
use crate::keys::{Keys, ServiceKeys};
use crate::seal::Envelope;
use crate::seal::Pepper;
use crate::web::PageError;

/// Everything a request may need, shared by all of them.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub config: Config,
    pub db: Db,
    pub writer: Writer<NewCase>,
    /// Spent form nonces, group-committed apart from the cases.
    pub spent: Writer<crate::abuse::SpentNonce>,
    pub pepper: Pepper,
    pub form_key: FormKey,
    pub limits: Limiters,
    pub keys: Keys,
    /// The services, read from memory on every request (`crate::services`).
    pub services: crate::services::Services,
    pub staff: crate::staff::StaffState,
    /// Bounds how many seals run at once (one per core).
    pub sealing: tokio::sync::Semaphore,
    /// Marks services with new activity for the next batch of notices.
    pub notifier: crate::notify::Notifier,
    /// Statistics counted as events happen, written within a second.
    pub stats: crate::stats::Tally,
    /// The first-run link's token, while no admin exists.
    pub setup: crate::admin::Setup,
    /// Rotation jobs running in this instance.
    pub rotation: crate::rotation::pages::Runners,
    /// Live chat: wake-ups and the chat cookie's keys.
    pub chat: crate::chat::ChatState,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(inner: Inner) -> AppState {
        AppState(Arc::new(inner))
    }

    /// Re-reads the services (always with `force`: an edit was just made
    /// here; otherwise only if the table changed) and the keys each seals
    /// to. The keys are built for a fresh catalog before it is put in use.
    /// One refresh at a time: otherwise a reload of the keys for the older
    /// catalog could finish after a newer catalog was published, and leave
    /// a service just created without keys until the next reload.
    pub async fn refresh_services(&self, force: bool) -> Result<(), sqlx::Error> {
        let _one_at_a_time = self.keys.refreshing().await;
        match self.services.read(&self.db, force).await? {
            Some(catalog) => {
                self.keys.reload(&self.db, &self.config, &catalog).await?;
                self.services.publish(catalog);
                self.recompute_deadlines();
                Ok(())
            }
            None => {
                let catalog = self.services.current();
                self.keys.reload(&self.db, &self.config, &catalog).await
            }
        }
    }

    /// A service's retention may have changed: its cases' deletion days
    /// are recomputed by the rule now in force (`retention::store::backfill`;
    /// it does nothing for a service whose rules are as stored), in the
    /// background, so the edit that changed them is answered at once.
    fn recompute_deadlines(&self) {
        let (db, services) = (self.db.clone(), self.services.current());
        tokio::spawn(async move {
            if let Err(e) = crate::retention::store::backfill(&db, &services).await {
                tracing::warn!(error = %e, "recomputing deletion days failed");
            }
        });
    }

    /// Re-reads the keys every service seals to (a set just changed here).
    pub async fn reload_keys(&self) -> Result<(), sqlx::Error> {
        let _one_at_a_time = self.keys.refreshing().await;
        let catalog = self.services.current();
        self.keys.reload(&self.db, &self.config, &catalog).await
    }

    /// The keys a service seals to right now.
    pub fn service_keys(&self, slug: &str) -> Result<ServiceKeys, PageError> {
        self.keys
            .current()
            .service(slug)
            .cloned()
            .ok_or_else(|| PageError::internal("service has no keys"))
    }

    /// Seals `doc` to `envelope`. Sealing is ~85 µs of CPU per recipient and
    /// runs here, on the async worker, at most one seal per core at a time:
    /// handing it to the blocking pool cost two thread switches per request,
    /// 15% of throughput on 2 cores (docs/BENCHMARK.md). Requests waiting for
    /// a permit yield, so a worker is never held for more than one seal.
    pub async fn seal(
        &self,
        envelope: &Envelope,
        doc: &impl serde::Serialize,
    ) -> Result<Vec<u8>, PageError> {
        let _permit = self
            .sealing
            .acquire()
            .await
            .map_err(|_| PageError::internal("sealing closed"))?;
        envelope.seal(doc).map_err(PageError::internal)
    }

    /// The opaque network key of the client that sent `headers` over `peer`.
    /// A proxy header is read only when the operator configured one.
    pub fn client_net(&self, peer: SocketAddr, headers: &HeaderMap) -> ClientNet {
        let forwarded = self
            .config
            .trusted_proxy_header
            .as_deref()
            .and_then(|name| headers.get(name))
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok());
        self.limits.client_net(forwarded.unwrap_or(peer.ip()))
    }
}

pub fn router(state: AppState) -> Router {
    let max_body = state.config.limits.max_body_bytes;
    let onion = state.config.onion_location.as_deref().map(Arc::<str>::from);
    let router = Router::new()
        .route("/", get(choose_language))
        .route("/static/suoja.css", get(stylesheet))
        .route("/static/favicon.svg", get(favicon))
        .route("/favicon.ico", get(favicon_ico))
        .route("/health", get(|| async { "ok" }))
        .route("/exit", get(crate::web::exit::leave))
        .merge(crate::intake::routes())
        .merge(crate::stats::routes())
        .merge(crate::booking::routes())
        .merge(crate::staff::routes())
        .merge(crate::queue::routes())
        .merge(crate::canned::routes())
        .merge(crate::admin::routes())
        .merge(crate::rotation::pages::routes())
        .merge(crate::services::pages::routes())
        .merge(crate::chat::routes())
        .merge(crate::accessibility::routes())
        .merge(crate::feedback::routes())
        .route_layer(middleware::from_fn(log_request))
        .fallback(not_found)
        .layer(middleware::from_fn(crate::web::staff_languages))
        .layer(middleware::from_fn(crate::web::render_errors))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn(head_limits))
        .layer(middleware::from_fn(security_headers));
    let router = match onion {
        Some(base) => router.layer(middleware::from_fn_with_state(base, onion_location)),
        None => router,
    };
    router.with_state(state)
}

/// `/` sends the client to their language, as their browser asks for it.
async fn choose_language(headers: HeaderMap) -> Response {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let lang = Lang::negotiate(accept);
    let mut response = Redirect::to(&format!("/{}/", lang.code())).into_response();
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-language"));
    response
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/suoja.css"),
    )
}

/// The site's icon, which every page links to; cached as the stylesheet is.
async fn favicon() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/favicon.svg"),
    )
}

/// Browsers and tools that ask for `/favicon.ico` without reading the page
/// are sent to the icon rather than to a 404 page.
async fn favicon_ico() -> Redirect {
    Redirect::permanent("/static/favicon.svg")
}

async fn not_found() -> PageError {
    tracing::debug!(route = "<unmatched>", status = 404, "request");
    PageError::NotFound
}

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The longest request target (path and query) answered: longer gets 414.
/// hyper itself refuses only past 64 KiB, and without our headers.
const MAX_URI_BYTES: usize = 8 * 1024;
/// The most header bytes (names, values, separators) answered: more gets
/// 431. hyper itself refuses past about 400 KiB or 100 headers.
const MAX_HEADER_BYTES: usize = 32 * 1024;

/// Refuses a request whose target or headers are too long, here rather
/// than in hyper, so the answer passes through [`security_headers`].
async fn head_limits(request: Request, next: Next) -> Response {
    let uri = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    if uri > MAX_URI_BYTES {
        return StatusCode::URI_TOO_LONG.into_response();
    }
    let headers: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if headers > MAX_HEADER_BYTES {
        return StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE.into_response();
    }
    next.run(request).await
}

/// The hardening headers every answer carries: [`security_headers`] adds
/// them to the router's, the listener to the few hyper writes itself.
pub(crate) const SECURITY_HEADERS: [(&str, &str); 7] = [
    ("content-security-policy", CSP),
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
];

async fn security_headers(request: Request, next: Next) -> Response {
    let is_static = request.uri().path().starts_with("/static/");
    let mut response = next.run(request).await;
    let status = response.status();
    let h = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        // A page that loads the chat script sets its own, wider, policy.
        if name == "content-security-policy" && h.contains_key(name) {
            continue;
        }
        h.insert(
            header::HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    // Only the stylesheet itself may be cached: a 404 or 405 under
    // `/static/` is an answer like any other.
    if !(is_static && status.is_success()) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    // Every 429, also a form handed back over a limit, says when to retry.
    if status == StatusCode::TOO_MANY_REQUESTS && !h.contains_key(header::RETRY_AFTER) {
        h.insert(header::RETRY_AFTER, HeaderValue::from_static("600"));
    }
    response
}

/// With `onion_location` set, a client page names the same page on the
/// onion service, and Tor Browser offers to switch to it. Staff pages, the
/// stylesheet and `/health` do not, nor does a page asked for on the onion
/// address itself.
async fn onion_location(State(base): State<Arc<str>>, request: Request, next: Next) -> Response {
    let path = request
        .uri()
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_owned();
    let on_onion = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| h.split(':').next().is_some_and(|h| h.ends_with(".onion")));
    let page = request.uri().path();
    let staff = page.split('/').nth(2) == Some("staff");
    let other = page.starts_with("/static/") || page == "/health" || page == "/favicon.ico";
    let mut response = next.run(request).await;
    if !(on_onion || staff || other)
        && let Ok(value) = HeaderValue::try_from(format!("{base}{path}"))
    {
        response.headers_mut().insert("onion-location", value);
    }
    response
}

/// One line per request: method, route template, status, latency. The path
/// itself, the query, the client's address and headers are never logged.
/// At `info` only failed requests are written: a line per request would put
/// a per-minute traffic count in the log and cost a write on the hot path.
async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let latency_us = started.elapsed().as_micros() as u64;
    if response.status().is_server_error() {
        tracing::warn!(%method, route, status, latency_us, "request");
    } else {
        tracing::debug!(%method, route, status, latency_us, "request");
    }
    response
}
