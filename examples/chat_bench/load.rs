//! The load: clients and counsellors on their event streams, lines every
//! few seconds, a take now and then; the figures.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use rand::Rng;

use crate::server::{Database, Server};
use crate::setup;
use crate::{Args, BoxError};

/// What every task records into, while `measuring`.
struct Shared {
    epoch: Instant,
    measuring: AtomicBool,
    stop: AtomicBool,
    every: Duration,
    /// Line delivery, µs: POST sent to the line on the other stream.
    deliveries: Mutex<Vec<u64>>,
    /// The POST's own answer time, µs.
    posts: Mutex<Vec<u64>>,
    /// (service, when) of every status event a client's stream carried.
    states: Mutex<Vec<(usize, Instant)>>,
    /// (service, when the take was sent).
    takes: Mutex<Vec<(usize, Instant)>>,
    sent: AtomicU64,
    failed: AtomicU64,
    first_error: Mutex<Option<String>>,
}

impl Shared {
    fn now_us(&self) -> u64 {
        self.epoch.elapsed().as_micros() as u64
    }

    fn measuring(&self) -> bool {
        self.measuring.load(Ordering::Relaxed)
    }

    fn fail(&self, what: String) {
        self.failed.fetch_add(1, Ordering::Relaxed);
        let mut first = self.first_error.lock().unwrap();
        if first.is_none() {
            *first = Some(what);
        }
    }
}

struct Counsellor {
    http: reqwest::Client,
    csrf: String,
    service: usize,
    /// Open chats: path and its stop flag.
    chats: Mutex<VecDeque<(String, Arc<AtomicBool>)>>,
}

pub async fn run(args: &Args) -> Result<(), BoxError> {
    let binary = match &args.server {
        Some(p) => p.clone(),
        None => crate::server::server_binary()?,
    };
    let dir = tempfile::tempdir()?;
    let database = Database::fresh(dir.path(), args.database_url.as_deref()).await?;
    let outcome = measure(args, &binary, dir.path(), &database).await;
    if let Err(e) = database.drop_database().await {
        eprintln!("chat_bench: could not drop the run's database: {e}");
    }
    outcome
}

async fn measure(
    args: &Args,
    binary: &std::path::Path,
    dir: &std::path::Path,
    database: &Database,
) -> Result<(), BoxError> {
    let two = database.is_postgres();
    let nofile = std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|l| {
            l.lines()
                .find(|l| l.starts_with("Max open files"))
                .map(|l| l.split_whitespace().nth(3).unwrap_or("?").to_owned())
        })
        .unwrap_or_default();
    let chats = args.services * args.per_service * 2;
    let clients = chats + args.waiting;
    println!(
        "chat_bench: {} on {}, binary {}; {} services × {} counsellors, {chats} chats, {} waiting \
         ({clients} clients on event streams), a line every {} ms per chatting side, {} s; \
         open files allowed: {nofile}",
        if two { "two instances" } else { "one instance" },
        if two { "PostgreSQL" } else { "SQLite" },
        binary.display(),
        args.services,
        args.per_service,
        args.waiting,
        args.every_ms,
        args.seconds,
    );
    if nofile.parse::<usize>().is_ok_and(|n| n < clients * 2 + 500) {
        return Err(format!("raise the open files limit (ulimit -n {})", clients * 3).into());
    }
    let config = setup::write_config(dir, &database.url, args.services)?;
    let log = args
        .server_log
        .clone()
        .unwrap_or_else(|| dir.join("server.log"));
    let phase = Instant::now();
    let first = Server::start(binary, &config, &log)?;
    let passwords = setup::add_counsellors(binary, &config, args.services, args.per_service)?;
    first.stop()?;
    setup::open_all(&database.url, args.services).await?;
    let front = Server::start(binary, &config, &log)?;
    let back = if two {
        Some(Server::start(binary, &config, &log)?)
    } else {
        None
    };
    let client_base = front.base.clone();
    let staff_base = back.as_ref().map_or(front.base.clone(), |b| b.base.clone());
    println!(
        "setup: {} counsellors added in {:.0} s",
        passwords.len(),
        phase.elapsed().as_secs_f64()
    );
    let phase = Instant::now();
    let logins = futures_util::stream::iter(passwords.into_iter().map(|(s, name, pw)| {
        let base = staff_base.clone();
        async move {
            let (http, csrf) = setup::counsellor(&base, s, &name, &pw).await?;
            Ok::<_, BoxError>(Arc::new(Counsellor {
                http,
                csrf,
                service: s,
                chats: Mutex::default(),
            }))
        }
    }))
    .buffered(2)
    .collect::<Vec<_>>()
    .await;
    let counsellors: Vec<Arc<Counsellor>> = logins.into_iter().collect::<Result<_, _>>()?;
    println!(
        "setup: logged in and on duty in {:.0} s",
        phase.elapsed().as_secs_f64()
    );

    let shared = Arc::new(Shared {
        epoch: Instant::now(),
        measuring: AtomicBool::new(false),
        stop: AtomicBool::new(false),
        every: Duration::from_millis(args.every_ms),
        deliveries: Mutex::default(),
        posts: Mutex::default(),
        states: Mutex::default(),
        takes: Mutex::default(),
        sent: AtomicU64::new(0),
        failed: AtomicU64::new(0),
        first_error: Mutex::default(),
    });
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(10))
        .build()?;
    let phase = Instant::now();
    // The chatting clients first, taken two by two by their service's
    // counsellors; then the waiting ones.
    for s in 0..args.services {
        for _ in 0..args.per_service * 2 {
            let cookie = setup::start_chat(&http, &client_base, s).await?;
            spawn_client(&shared, &http, &client_base, s, cookie);
        }
        for c in counsellors.iter().filter(|c| c.service == s) {
            for _ in 0..2 {
                take(&shared, c, &staff_base).await?;
            }
        }
    }
    let per_service = args.waiting / args.services;
    let extra = args.waiting % args.services;
    let waiting = futures_util::stream::iter((0..args.services).flat_map(|s| {
        let n = per_service + usize::from(s < extra);
        std::iter::repeat_n(s, n)
    }))
    .map(|s| {
        let http = http.clone();
        let base = client_base.clone();
        async move { (s, setup::start_chat(&http, &base, s).await) }
    })
    .buffered(4)
    .collect::<Vec<_>>()
    .await;
    for (s, cookie) in waiting {
        spawn_client(&shared, &http, &client_base, s, cookie?);
    }
    println!(
        "setup: {clients} chats started and {chats} taken in {:.0} s",
        phase.elapsed().as_secs_f64()
    );
    // Let every stream connect and the first lines settle.
    tokio::time::sleep(Duration::from_secs(3)).await;

    let pids: Vec<u32> = std::iter::once(front.pid())
        .chain(back.as_ref().map(Server::pid))
        .collect();
    let cpu_before: Vec<f64> = pids.iter().map(|p| cpu_seconds(&p.to_string())).collect();
    let own_before = cpu_seconds("self");
    let rss_peak = Arc::new(Mutex::new(vec![0u64; pids.len()]));
    let sampler = {
        let rss_peak = rss_peak.clone();
        let pids = pids.clone();
        let shared = shared.clone();
        tokio::spawn(async move {
            while !shared.stop.load(Ordering::Relaxed) {
                for (i, pid) in pids.iter().enumerate() {
                    let rss = status_kib(*pid, "VmRSS:");
                    let mut peak = rss_peak.lock().unwrap();
                    peak[i] = peak[i].max(rss);
                }
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
        })
    };
    let started = Instant::now();
    shared.measuring.store(true, Ordering::SeqCst);
    // One counsellor in turn ends a chat and takes the next client, about
    // one take a service a minute; a new client joins that queue.
    let churn = {
        let shared = shared.clone();
        let counsellors = counsellors.clone();
        let http = http.clone();
        let (client_base, staff_base) = (client_base.clone(), staff_base.clone());
        let gap = Duration::from_millis((60_000 / args.services as u64).max(200));
        tokio::spawn(async move {
            let mut turn = 0usize;
            while !shared.stop.load(Ordering::Relaxed) {
                tokio::time::sleep(gap).await;
                let c = &counsellors[(turn * 7) % counsellors.len()];
                turn += 1;
                if let Err(e) = end_one(c, &staff_base).await {
                    shared.fail(format!("end: {e}"));
                    continue;
                }
                if let Err(e) = take(&shared, c, &staff_base).await {
                    shared.fail(format!("take: {e}"));
                }
                match setup::start_chat(&http, &client_base, c.service).await {
                    Ok(cookie) => spawn_client(&shared, &http, &client_base, c.service, cookie),
                    Err(e) => shared.fail(format!("start: {e}")),
                }
            }
        })
    };
    tokio::time::sleep(Duration::from_secs(args.seconds)).await;
    shared.measuring.store(false, Ordering::SeqCst);
    let elapsed = started.elapsed().as_secs_f64();
    let cpu: Vec<f64> = pids
        .iter()
        .zip(&cpu_before)
        .map(|(p, b)| cpu_seconds(&p.to_string()) - b)
        .collect();
    let own = cpu_seconds("self") - own_before;
    let hwm: Vec<u64> = pids.iter().map(|p| status_kib(*p, "VmHWM:")).collect();
    shared.stop.store(true, Ordering::SeqCst);
    churn.abort();
    let _ = sampler.await;
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();

    let mut deliveries = shared.deliveries.lock().unwrap().clone();
    let mut posts = shared.posts.lock().unwrap().clone();
    let queue = queue_latencies(&shared);
    let sent = shared.sent.load(Ordering::Relaxed);
    println!(
        "\nlines: sent {sent} ({:.1}/s), delivered {} ({:.1}/s) in {elapsed:.0} s",
        sent as f64 / elapsed,
        deliveries.len(),
        deliveries.len() as f64 / elapsed,
    );
    println!(
        "line delivery (POST to the other side's stream): {}",
        summary(&mut deliveries)
    );
    println!("line POST answered (204): {}", summary(&mut posts));
    let mut queue_ms = queue.1;
    println!(
        "queue update (take to a waiting client's status event): {} takes, {}",
        queue.0,
        summary(&mut queue_ms)
    );
    let peaks = rss_peak.lock().unwrap().clone();
    for (i, pid) in pids.iter().enumerate() {
        println!(
            "server {} (pid {pid}{}): RSS peak while measured {:.0} MiB (VmHWM since start, \
             logins included: {:.0} MiB), CPU {:.1} s ({:.0} % of one core)",
            i + 1,
            if two {
                if i == 0 { ", clients" } else { ", counsellors" }
            } else {
                ""
            },
            peaks[i] as f64 / 1024.0,
            hwm[i] as f64 / 1024.0,
            cpu[i],
            cpu[i] / elapsed * 100.0,
        );
    }
    println!(
        "load generator: CPU {own:.1} s ({:.0} % of one core); failures {}{}",
        own / elapsed * 100.0,
        shared.failed.load(Ordering::Relaxed),
        shared
            .first_error
            .lock()
            .unwrap()
            .as_ref()
            .map(|e| format!(", first: {e}"))
            .unwrap_or_default(),
    );
    println!(
        "machine load (1, 5, 15 min): {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    if let Some(b) = back {
        let _ = b.stop();
    }
    let _ = front.stop();
    Ok(())
}

/// For each status event, the time since the latest take in its service
/// (within 5 s): (takes, latencies in µs).
fn queue_latencies(shared: &Shared) -> (usize, Vec<u64>) {
    let takes = shared.takes.lock().unwrap().clone();
    let states = shared.states.lock().unwrap().clone();
    let mut out = Vec::new();
    for (service, at) in states {
        let latest = takes
            .iter()
            .filter(|(s, t)| *s == service && *t <= at)
            .map(|(_, t)| *t)
            .max();
        if let Some(t) = latest {
            let d = at - t;
            if d < Duration::from_secs(5) {
                out.push(d.as_micros() as u64);
            }
        }
    }
    (takes.len(), out)
}

fn summary(v: &mut [u64]) -> String {
    if v.is_empty() {
        return "none".to_owned();
    }
    v.sort_unstable();
    let at = |q: f64| v[((v.len() as f64 * q) as usize).min(v.len() - 1)] as f64 / 1000.0;
    format!(
        "n {}, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        v.len(),
        at(0.5),
        at(0.99),
        v[v.len() - 1] as f64 / 1000.0
    )
}

/// utime + stime of a process (`self` or a pid), in seconds.
fn cpu_seconds(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i).and_then(|f| f.parse::<f64>().ok()))
        .sum();
    ticks / 100.0
}

fn status_kib(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The counsellor takes the next client of their service and opens the
/// chat's stream and sender.
async fn take(shared: &Arc<Shared>, c: &Arc<Counsellor>, base: &str) -> Result<(), BoxError> {
    let sent = Instant::now();
    let took = c
        .http
        .post(format!("{base}/en/staff/chat/take"))
        .form(&[("csrf", c.csrf.as_str())])
        .send()
        .await?;
    if shared.measuring() {
        shared.takes.lock().unwrap().push((c.service, sent));
    }
    let path = took
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .filter(|l| l.starts_with("/en/staff/chat/") && !l.contains('?'))
        .ok_or_else(|| format!("no client to take ({})", took.status()))?
        .to_owned();
    let stop = Arc::new(AtomicBool::new(false));
    c.chats
        .lock()
        .unwrap()
        .push_back((path.clone(), stop.clone()));
    let url = format!("{base}{path}");
    let stream = c.http.get(format!("{url}/events?after=0"));
    tokio::spawn(read_stream(
        shared.clone(),
        stream,
        "bench-c",
        None,
        stop.clone(),
        None,
    ));
    let (shared, http, csrf) = (shared.clone(), c.http.clone(), c.csrf.clone());
    tokio::spawn(async move {
        send_lines(&shared, &stop, None, "bench-s", |text| {
            http.post(&url).form(&[
                ("csrf", csrf.as_str()),
                ("do", "send"),
                ("message", text),
                ("js", "1"),
            ])
        })
        .await
    });
    Ok(())
}

/// Ends the counsellor's oldest chat.
async fn end_one(c: &Counsellor, base: &str) -> Result<(), BoxError> {
    let Some((path, stop)) = c.chats.lock().unwrap().pop_front() else {
        return Ok(());
    };
    stop.store(true, Ordering::SeqCst);
    let r = c
        .http
        .post(format!("{base}{path}"))
        .form(&[("csrf", c.csrf.as_str()), ("do", "end"), ("message", "")])
        .send()
        .await?;
    if r.status().as_u16() != 303 {
        return Err(format!("HTTP {}", r.status()).into());
    }
    Ok(())
}

fn spawn_client(
    shared: &Arc<Shared>,
    http: &reqwest::Client,
    base: &str,
    service: usize,
    cookie: String,
) {
    let active = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let stream = http
        .get(format!("{base}/en/chat/events?after=0"))
        .header("cookie", &cookie);
    tokio::spawn(read_stream(
        shared.clone(),
        stream,
        "bench-s",
        Some(service),
        stop.clone(),
        Some(active.clone()),
    ));
    let (shared, http, url) = (shared.clone(), http.clone(), format!("{base}/en/chat"));
    tokio::spawn(async move {
        send_lines(&shared, &stop, Some(&active), "bench-c", |text| {
            http.post(&url).header("cookie", &cookie).form(&[
                ("do", "send"),
                ("message", text),
                ("js", "1"),
            ])
        })
        .await
    });
}

/// A line every `shared.every` (first after a random part of it) while
/// `active` (always, without it), until `stop`.
async fn send_lines(
    shared: &Shared,
    stop: &AtomicBool,
    active: Option<&AtomicBool>,
    tag: &str,
    request: impl Fn(&str) -> reqwest::RequestBuilder,
) {
    let offset = rand::thread_rng().gen_range(0..shared.every.as_millis() as u64);
    tokio::time::sleep(Duration::from_millis(offset)).await;
    let mut tick = tokio::time::interval(shared.every);
    loop {
        tick.tick().await;
        if stop.load(Ordering::Relaxed) || shared.stop.load(Ordering::Relaxed) {
            return;
        }
        if active.is_some_and(|a| !a.load(Ordering::Relaxed)) {
            continue;
        }
        let at = shared.now_us();
        let text = format!("{tag}-{at}");
        let sent = Instant::now();
        match request(&text).send().await {
            Ok(r) if r.status().as_u16() == 204 => {
                if shared.measuring() {
                    shared.sent.fetch_add(1, Ordering::Relaxed);
                    shared
                        .posts
                        .lock()
                        .unwrap()
                        .push(sent.elapsed().as_micros() as u64);
                }
            }
            // The chat ended under the sender (a take's churn): stop.
            Ok(r) if r.status().as_u16() == 410 || stop.load(Ordering::Relaxed) => return,
            Ok(r) => shared.fail(format!("line: HTTP {}", r.status())),
            Err(e) => shared.fail(format!("line: {e}")),
        }
    }
}

/// Reads an event stream: lines of the other side (`theirs`, the tag
/// their text starts with) give delivery times; a client's status events
/// (`service`) are queue updates, and "active" lets its sender start.
async fn read_stream(
    shared: Arc<Shared>,
    request: reqwest::RequestBuilder,
    theirs: &'static str,
    service: Option<usize>,
    stop: Arc<AtomicBool>,
    active: Option<Arc<AtomicBool>>,
) {
    let mut response = match request.send().await {
        Ok(r) if r.status().as_u16() == 200 => r,
        Ok(r) => return shared.fail(format!("stream: HTTP {}", r.status())),
        Err(e) => return shared.fail(format!("stream: {e}")),
    };
    let mut buffer = String::new();
    loop {
        if stop.load(Ordering::Relaxed) || shared.stop.load(Ordering::Relaxed) {
            return;
        }
        let chunk = match tokio::time::timeout(Duration::from_secs(1), response.chunk()).await {
            Err(_) => continue,
            Ok(Ok(Some(c))) => c,
            Ok(_) => return,
        };
        let now = Instant::now();
        let now_us = shared.now_us();
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            let kind = event
                .lines()
                .find_map(|l| l.strip_prefix("event: "))
                .unwrap_or("");
            match kind {
                "line" => {
                    if let Some(i) = event.find(theirs) {
                        let digits: String = event[i + theirs.len() + 1..]
                            .chars()
                            .take_while(char::is_ascii_digit)
                            .collect();
                        if let Ok(at) = digits.parse::<u64>()
                            && shared.measuring()
                        {
                            shared
                                .deliveries
                                .lock()
                                .unwrap()
                                .push(now_us.saturating_sub(at));
                        }
                    }
                }
                "state" => {
                    if let (Some(s), true) = (service, shared.measuring()) {
                        shared.states.lock().unwrap().push((s, now));
                    }
                    if event.contains("\"state\":\"active\"")
                        && let Some(a) = &active
                    {
                        a.store(true, Ordering::Relaxed);
                    }
                    if event.contains("\"state\":\"ended\"") || event.contains("\"moved\"") {
                        stop.store(true, Ordering::Relaxed);
                        return;
                    }
                }
                _ => {}
            }
        }
    }
}
