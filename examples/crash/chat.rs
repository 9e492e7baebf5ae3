//! Live chats through the kills: counsellors added with `suoja staff add`,
//! logged in and on chat duty, clients who started a chat from the
//! service's page (their cookie) and were taken. Each cycle both sides of
//! every chat send lines back to back (the script's way: `js=1`, answered
//! 204) until the server dies under them; a line is acknowledged when it
//! got its 204. After each restart every client reconnects with its cookie
//! and every counsellor with their session, and both read the whole
//! conversation back from the real chat pages: every acknowledged line is
//! there, once, in the order its side sent it, and nothing no one sent.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::BoxError;
use crate::server::SLUG;
use crate::staff_web::{between, first_login, staff_add};

const PASSWORD: &str = "correct horse battery staple";
/// Chats one counsellor takes at once (the console allows up to 10).
const PER_COUNSELLOR: usize = 4;
/// A short pause between one side's lines, so the chats do not crowd out
/// the intake clients of the same cycle.
const PAUSE: Duration = Duration::from_millis(20);

/// What one side learnt of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// 204: the server says it is stored.
    Acknowledged,
    /// No complete answer: the server died with the line in flight.
    CutOff,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Client,
    Counsellor,
}

impl Side {
    fn tag(self) -> &'static str {
        match self {
            Side::Client => "c",
            Side::Counsellor => "s",
        }
    }
}

/// One live chat: the client's browser (its cookie jar holds the chat
/// cookie), the counsellor's, the chat's staff path, and every line each
/// side sent, in order.
struct Chat {
    n: usize,
    client: reqwest::Client,
    counsellor: reqwest::Client,
    path: String,
    /// (sequence number, answer) per side: client, counsellor.
    sent: [Vec<Answer>; 2],
}

/// One cycle's sending tasks: (chat, side, answers, unexpected answers).
pub type Sending = tokio::task::JoinSet<(usize, usize, Vec<Answer>, Vec<String>)>;

/// The run's chats.
pub struct Chats {
    chats: Vec<Chat>,
}

/// Lines counted over the run.
#[derive(Debug, Default, Clone, Copy)]
pub struct LineCounts {
    pub sent: usize,
    pub acknowledged: usize,
    /// Acknowledged lines found in the transcript, on both sides' pages.
    pub found: usize,
    pub lost: usize,
    pub duplicated: usize,
    /// Found out of order, or found although never sent.
    pub disordered: usize,
    /// Cut off by the kill but stored all the same (allowed).
    pub committed_unacknowledged: usize,
}

impl LineCounts {
    pub fn clean(&self) -> bool {
        self.lost == 0 && self.duplicated == 0 && self.disordered == 0
    }
}

/// `suoja staff add` for `n` counsellors of the crash service; their
/// one-time passwords. The server must be started again afterwards, so
/// its keyring holds them.
pub fn add_counsellors(binary: &Path, config: &Path, n: usize) -> Result<Vec<String>, BoxError> {
    let mut passwords = Vec::with_capacity(n);
    for i in 0..n {
        let (username, name) = (format!("chat{i}"), format!("Counsellor {i}"));
        let args = [
            "--username",
            &username,
            "--name",
            &name,
            "--role",
            "counsellor",
            "--service",
            SLUG,
        ];
        passwords.push(staff_add(binary, config, &args)?);
    }
    Ok(passwords)
}

/// How many counsellors `chats` chats need.
pub fn counsellors_for(chats: usize) -> usize {
    chats.div_ceil(PER_COUNSELLOR)
}

/// Chat hours all week, all day, straight in the database (as the admin
/// page stores them), a queue long enough, the transcript kept.
pub async fn open_all_week(pool: &sqlx::AnyPool) -> Result<(), BoxError> {
    let hours = (1..=7)
        .map(|d| format!("{d} 00:00 24:00"))
        .collect::<Vec<_>>()
        .join(";");
    sqlx::query(
        "insert into chat_settings (service, hours, queue_max, keep_transcript) \
         values ($1, $2, 1000, 1)",
    )
    .bind(SLUG)
    .bind(hours)
    .execute(pool)
    .await?;
    Ok(())
}

fn browser() -> Result<reqwest::Client, BoxError> {
    Ok(reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .pool_max_idle_per_host(1)
        .timeout(Duration::from_secs(120))
        .build()?)
}

impl Chats {
    /// Logs the counsellors in (one-time password, then the forced
    /// change), puts them on duty, and starts `n` chats, each taken at once
    /// by the next counsellor with room.
    pub async fn start(base: &str, passwords: &[String], n: usize) -> Result<Chats, BoxError> {
        let mut counsellors = Vec::with_capacity(passwords.len());
        for (i, one_time) in passwords.iter().enumerate() {
            let staff = browser()?;
            first_login(&staff, base, &format!("chat{i}"), one_time, PASSWORD).await?;
            let csrf = csrf_of(&staff, &format!("{base}/en/staff/account")).await?;
            let capacity = PER_COUNSELLOR.to_string();
            let duty_field = format!("duty-{SLUG}");
            let duty = staff
                .post(format!("{base}/en/staff/chat/duty"))
                .form(&[
                    ("csrf", csrf.as_str()),
                    (duty_field.as_str(), "on"),
                    ("capacity", capacity.as_str()),
                ])
                .send()
                .await?;
            if duty.status().as_u16() != 303 {
                return Err(format!("going on duty: HTTP {}", duty.status()).into());
            }
            counsellors.push(staff);
        }
        let mut chats = Vec::with_capacity(n);
        for i in 0..n {
            let client = browser()?;
            let page = client
                .get(format!("{base}/en/services/{SLUG}"))
                .send()
                .await?
                .text()
                .await?;
            let offer = between(&page, "class=\"chat-offer\"", "</section>")
                .ok_or("no chat offer on the service page")?;
            let token = between(&offer, r#"name="token" value=""#, "\"")
                .ok_or("the chat offer has no start form")?;
            let started = client
                .post(format!("{base}/en/services/{SLUG}/chat"))
                .form(&[("token", token.as_str()), ("name", "")])
                .send()
                .await?;
            if started.status().as_u16() != 200 {
                return Err(format!("starting a chat: HTTP {}", started.status()).into());
            }
            let counsellor = counsellors[i / PER_COUNSELLOR].clone();
            let csrf = csrf_of(&counsellor, &format!("{base}/en/staff/account")).await?;
            let took = counsellor
                .post(format!("{base}/en/staff/chat/take"))
                .form(&[("csrf", csrf.as_str())])
                .send()
                .await?;
            let path = took
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .filter(|l| l.starts_with("/en/staff/chat/") && !l.contains('?'))
                .ok_or("the counsellor took no chat")?
                .to_owned();
            chats.push(Chat {
                n: i,
                client,
                counsellor,
                path,
                sent: [Vec::new(), Vec::new()],
            });
        }
        Ok(Chats { chats })
    }

    /// Both sides of every chat send until the server is killed (`killing`
    /// set just before). Returns the answers other than 204 or a cut
    /// connection, and connections cut before the kill.
    pub fn spawn_cycle(&mut self, base: &str, killing: Arc<AtomicBool>) -> Sending {
        let mut tasks = tokio::task::JoinSet::new();
        for chat in &self.chats {
            for side in [Side::Client, Side::Counsellor] {
                let (http, url) = match side {
                    Side::Client => (chat.client.clone(), format!("{base}/en/chat")),
                    Side::Counsellor => (chat.counsellor.clone(), format!("{base}{}", chat.path)),
                };
                let index = side as usize;
                let first = chat.sent[index].len();
                let prefix = format!("crash-chat{:03}-{}", chat.n, side.tag());
                let killing = killing.clone();
                let n = chat.n;
                tasks.spawn(async move {
                    let (answers, unexpected) =
                        send_lines(&http, &url, side, &prefix, first, &killing).await;
                    (n, index, answers, unexpected)
                });
            }
        }
        tasks
    }

    /// Collects a cycle's answers; the lines sent and acknowledged, and
    /// what went wrong other than the kill.
    pub async fn collect(
        &mut self,
        mut tasks: Sending,
    ) -> Result<(usize, usize, Vec<String>), BoxError> {
        let (mut sent, mut acked, mut problems) = (0, 0, Vec::new());
        while let Some(done) = tasks.join_next().await {
            let (n, side, answers, unexpected) = done?;
            sent += answers.len();
            acked += answers
                .iter()
                .filter(|a| **a == Answer::Acknowledged)
                .count();
            self.chats[n].sent[side].extend(answers);
            problems.extend(unexpected);
        }
        Ok((sent, acked, problems))
    }

    /// After a restart: every client reconnects with its cookie and every
    /// counsellor with their session; each reads the whole conversation
    /// from their chat page. Counts over every line sent so far.
    pub async fn check(&self, base: &str) -> Result<LineCounts, BoxError> {
        let mut counts = LineCounts::default();
        for chat in &self.chats {
            for side in &chat.sent {
                counts.sent += side.len();
                counts.acknowledged += side.iter().filter(|a| **a == Answer::Acknowledged).count();
            }
            let client_page = page(&chat.client, &format!("{base}/en/chat")).await?;
            let staff_page = page(&chat.counsellor, &format!("{base}{}", chat.path)).await?;
            for transcript in [&client_page, &staff_page] {
                for side in [Side::Client, Side::Counsellor] {
                    let prefix = format!("crash-chat{:03}-{}-", chat.n, side.tag());
                    let found = sequence_numbers(transcript, &prefix);
                    judge(&chat.sent[side as usize], &found, &mut counts);
                }
            }
        }
        // Each acknowledged line was looked for twice (client and
        // counsellor page): count lines, not looks.
        counts.found /= 2;
        counts.committed_unacknowledged /= 2;
        Ok(counts)
    }
}

/// One side's lines against what a page shows of them (sequence numbers in
/// page order).
fn judge(sent: &[Answer], found: &[usize], counts: &mut LineCounts) {
    let mut times = vec![0usize; sent.len()];
    let mut last = None;
    for &seq in found {
        if seq >= sent.len() {
            counts.disordered += 1;
            continue;
        }
        times[seq] += 1;
        if last.is_some_and(|l| seq <= l) {
            counts.disordered += 1;
        }
        last = Some(seq);
    }
    for (seq, answer) in sent.iter().enumerate() {
        if times[seq] > 1 {
            counts.duplicated += 1;
        }
        match answer {
            Answer::Acknowledged if times[seq] == 0 => counts.lost += 1,
            Answer::Acknowledged => counts.found += 1,
            Answer::CutOff if times[seq] > 0 => counts.committed_unacknowledged += 1,
            Answer::CutOff => {}
        }
    }
}

/// The sequence numbers after `prefix` in the text, in order.
fn sequence_numbers(text: &str, prefix: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        rest = &rest[i + prefix.len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(n) = digits.parse() {
            out.push(n);
        }
    }
    out
}

/// Sends lines, numbered from `first`, until the connection fails.
async fn send_lines(
    http: &reqwest::Client,
    url: &str,
    side: Side,
    prefix: &str,
    first: usize,
    killing: &AtomicBool,
) -> (Vec<Answer>, Vec<String>) {
    let mut answers = Vec::new();
    let mut unexpected = Vec::new();
    let fail = |e: String, unexpected: &mut Vec<String>| {
        if !killing.load(Ordering::SeqCst) {
            unexpected.push(e);
        }
    };
    // The counsellor's form carries the session's CSRF token: the chat page
    // (the reconnect) gives it.
    let csrf = if side == Side::Counsellor {
        match csrf_of(http, url).await {
            Ok(c) => c,
            Err(e) => {
                fail(format!("counsellor's chat page: {e}"), &mut unexpected);
                return (answers, unexpected);
            }
        }
    } else {
        String::new()
    };
    for seq in first.. {
        let marker = format!("{prefix}-{seq:06}");
        let mut form = vec![("do", "send"), ("message", marker.as_str()), ("js", "1")];
        if side == Side::Counsellor {
            form.push(("csrf", csrf.as_str()));
        }
        match http.post(url).form(&form).send().await {
            Ok(r) if r.status().as_u16() == 204 => answers.push(Answer::Acknowledged),
            Ok(r) => {
                answers.push(Answer::CutOff);
                fail(format!("chat line: HTTP {}", r.status()), &mut unexpected);
                break;
            }
            Err(e) => {
                answers.push(Answer::CutOff);
                fail(format!("chat line before the kill: {e}"), &mut unexpected);
                break;
            }
        }
        tokio::time::sleep(PAUSE).await;
    }
    (answers, unexpected)
}

async fn page(http: &reqwest::Client, url: &str) -> Result<String, BoxError> {
    let r = http.get(url).send().await?;
    if r.status().as_u16() != 200 {
        return Err(format!("{url}: HTTP {}", r.status()).into());
    }
    Ok(r.text().await?)
}

async fn csrf_of(http: &reqwest::Client, url: &str) -> Result<String, BoxError> {
    let body = page(http, url).await?;
    Ok(between(&body, r#"name="csrf" value=""#, "\"").ok_or("no CSRF token: not logged in")?)
}
