//! The clients of one cycle: some submit contact requests, some book seats,
//! each on its own keep-alive connection, back to back until the server is
//! killed under them. Every request carries a marker of its own (in the
//! message text, or as the booking's name) so the checks can find what it
//! stored without the receipt.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::Barrier;

use crate::BoxError;
use crate::server::SLUG;
pub use crate::staff_web::between;

/// What the client learnt of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// 200 with a receipt: the server says it is committed.
    Acknowledged(String),
    /// 409: the seat went to someone else (bookings only).
    Refused,
    /// No complete answer: the server died with the request in flight.
    CutOff,
}

#[derive(Debug, Clone)]
pub struct Sent {
    pub marker: String,
    /// The slot a booking asked for; `None` for a contact request.
    pub slot: Option<String>,
    pub answer: Answer,
}

/// Everything one cycle's clients sent, and what went wrong other than the
/// kill (those must not happen).
#[derive(Default)]
pub struct CycleLoad {
    pub sent: Vec<Sent>,
    /// Answers other than 200, 409 or a cut connection, and connections cut
    /// before the kill.
    pub unexpected: Vec<String>,
}

pub struct Plan {
    pub cycle: usize,
    pub submitters: usize,
    pub bookers: usize,
    pub slots: Vec<String>,
    pub kill_after: Duration,
}

/// Starts the clients; once every one has its form token, waits
/// `plan.kill_after` and calls `kill`, then collects what the clients saw.
pub async fn run_cycle(
    base: &str,
    plan: &Plan,
    kill: impl FnOnce() -> Result<Instant, BoxError>,
) -> Result<(CycleLoad, Instant), BoxError> {
    let workers = plan.submitters + plan.bookers;
    let ready = Arc::new(Barrier::new(workers + 1));
    // Set just before the kill: a connection failing after it is the kill's.
    let killing = Arc::new(AtomicBool::new(false));
    let slots = Arc::new(plan.slots.clone());
    let mut tasks = tokio::task::JoinSet::new();
    for worker in 0..workers {
        let booking = worker >= plan.submitters;
        let client = Client {
            base: base.to_owned(),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .pool_max_idle_per_host(1)
                .timeout(Duration::from_secs(120))
                .build()?,
            prefix: format!("crash-c{:03}-w{worker:04}", plan.cycle),
            slots: slots.clone(),
        };
        let ready = ready.clone();
        let killing = killing.clone();
        tasks.spawn(async move { client.work(booking, ready, killing).await });
    }
    ready.wait().await;
    tokio::time::sleep(plan.kill_after).await;
    killing.store(true, Ordering::SeqCst);
    let at = kill()?;
    let mut load = CycleLoad::default();
    while let Some(done) = tasks.join_next().await {
        let (sent, unexpected) = done?;
        load.sent.extend(sent);
        load.unexpected.extend(unexpected);
    }
    Ok((load, at))
}

struct Client {
    base: String,
    http: reqwest::Client,
    prefix: String,
    slots: Arc<Vec<String>>,
}

impl Client {
    /// Fetches the first form token, waits for the others, then sends until
    /// the connection fails. Tokens are single-use: each later request
    /// fetches the form again first.
    async fn work(
        self,
        booking: bool,
        ready: Arc<Barrier>,
        killing: Arc<AtomicBool>,
    ) -> (Vec<Sent>, Vec<String>) {
        let mut sent = Vec::new();
        let mut unexpected = Vec::new();
        let token = self.token(booking).await;
        ready.wait().await;
        let mut token = match token {
            Ok(Some(t)) => t,
            // Every seat is taken: the booking page offers no form.
            Ok(None) => return (sent, unexpected),
            Err(e) => {
                unexpected.push(format!("form token: {e}"));
                return (sent, unexpected);
            }
        };
        for n in 0.. {
            if n > 0 {
                token = match self.token(booking).await {
                    Ok(Some(t)) => t,
                    Ok(None) => break,
                    Err(e) => {
                        if !killing.load(Ordering::SeqCst) {
                            unexpected.push(format!("form token before the kill: {e}"));
                        }
                        break;
                    }
                };
            }
            let marker = format!("{}-n{n:05}", self.prefix);
            let slot = booking
                .then(|| self.slots[(n as usize * 7 + marker.len()) % self.slots.len()].clone());
            let answer = match &slot {
                Some(slot) => self.book(&token, &marker, slot).await,
                None => self.submit(&token, &marker).await,
            };
            let (answer, stop) = match answer {
                Ok((200, body)) => match receipt_in(&body) {
                    Some(receipt) => (Answer::Acknowledged(receipt), false),
                    None => {
                        unexpected.push("200 without a receipt".to_owned());
                        (Answer::CutOff, true)
                    }
                },
                Ok((409, _)) if slot.is_some() => (Answer::Refused, false),
                Ok((status, _)) => {
                    unexpected.push(format!("answer {status}"));
                    (Answer::CutOff, true)
                }
                Err(e) => {
                    if !killing.load(Ordering::SeqCst) {
                        unexpected.push(format!("connection failed before the kill: {e}"));
                    }
                    (Answer::CutOff, true)
                }
            };
            sent.push(Sent {
                marker,
                slot,
                answer,
            });
            if stop {
                break;
            }
        }
        (sent, unexpected)
    }

    fn form_path(&self, booking: bool) -> String {
        if booking {
            format!("{}/en/services/{SLUG}/book", self.base)
        } else {
            format!("{}/en/services/{SLUG}", self.base)
        }
    }

    /// The form's token; None when a booking page has nothing left to
    /// book (it then shows no form, only the way to write instead).
    async fn token(&self, booking: bool) -> Result<Option<String>, BoxError> {
        let body = self
            .http
            .get(self.form_path(booking))
            .send()
            .await?
            .text()
            .await?;
        // The chat's start form (open all week for the chats of the run)
        // has a token of its own: look past it.
        let body = match body.split_once("class=\"chat-offer\"") {
            Some((before, after)) => {
                let rest = after.split_once("</section>").map_or("", |(_, r)| r);
                format!("{before}{rest}")
            }
            None => body,
        };
        if let Some(token) = between(&body, r#"name="token" value=""#, "\"") {
            return Ok(Some(token));
        }
        if booking && body.contains("There are no free times or groups right now") {
            return Ok(None);
        }
        Err("no token in the form".into())
    }

    async fn submit(&self, token: &str, marker: &str) -> Result<(u16, String), reqwest::Error> {
        let message = message_text(marker);
        self.post(
            self.form_path(false),
            &[
                ("token", token),
                ("topic", "general"),
                ("message", &message),
                ("way", "none"),
            ],
        )
        .await
    }

    async fn book(
        &self,
        token: &str,
        marker: &str,
        slot: &str,
    ) -> Result<(u16, String), reqwest::Error> {
        let choice = format!("slot:{slot}");
        self.post(
            self.form_path(true),
            &[
                ("token", token),
                ("choice", &choice),
                ("call", "you_call"),
                ("name", marker),
                ("topic", "general"),
            ],
        )
        .await
    }

    async fn post(
        &self,
        url: String,
        form: &[(&str, &str)],
    ) -> Result<(u16, String), reqwest::Error> {
        let response = self.http.post(url).form(form).send().await?;
        let status = response.status().as_u16();
        Ok((status, response.text().await?))
    }
}

/// The marker, then ~500 bytes of prose-like filler.
pub fn message_text(marker: &str) -> String {
    const WORDS: &[&str] = &[
        "hei", "minulla", "on", "ollut", "vaikea", "viikko", "and", "I", "would", "like", "to",
        "talk", "with", "someone", "soon", "kiitos", "tack", "ä", "ö", "<b>", "&amp;",
    ];
    let mut text = format!("{marker}\n");
    let mut i = marker.len();
    while text.len() < 500 {
        text.push_str(WORDS[i % WORDS.len()]);
        text.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7);
    }
    text
}

/// The marker a contact request's text starts with.
pub fn marker_of_text(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

fn receipt_in(body: &str) -> Option<String> {
    between(body, r#"<p class="code" dir="ltr"><strong>"#, "</strong>")
}
