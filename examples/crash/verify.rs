//! The checks after each restart, read from the database itself: every
//! acknowledged request is there exactly once, found by its receipt, and
//! opens with the counsellor's key; no seat is taken twice or beyond a
//! slot's capacity; the database passes its integrity check.

use std::collections::{HashMap, HashSet};

use sqlx::AnyPool;
use suoja::intake::MessageDoc;
use suoja::seal::{Pepper, Receipt};

use crate::BoxError;
use crate::load::{Answer, Sent, marker_of_text};

/// What the checks found (all but `committed_unacknowledged` must be 0).
#[derive(Debug, Default, Clone)]
pub struct Findings {
    /// Acknowledged, but no case answers to the receipt or holds the marker.
    pub lost: usize,
    /// A marker stored in more than one case.
    pub duplicates: usize,
    /// A seat named by two cases, a slot with more booked seats than its
    /// capacity or than its count, a booking case without its seat.
    pub double_booked: usize,
    /// Items the counsellor's key does not open, or that name another case.
    pub unreadable: usize,
    /// Stored items no client sent.
    pub phantoms: usize,
    /// Integrity check and constraint failures.
    pub integrity: Vec<String>,
    /// Cut off by the kill but committed all the same (allowed: the commit
    /// was durable, only the answer was lost).
    pub committed_unacknowledged: usize,
}

impl Findings {
    pub fn clean(&self) -> bool {
        self.lost == 0
            && self.duplicates == 0
            && self.double_booked == 0
            && self.unreadable == 0
            && self.phantoms == 0
            && self.integrity.is_empty()
    }
}

/// What the checker remembers between cycles: the messages it has opened.
#[derive(Default)]
pub struct Opened {
    /// Ids of the messages already opened.
    seen: HashSet<String>,
    /// marker -> case ids whose first message holds it.
    cases_of_marker: HashMap<String, Vec<String>>,
    /// booking case id -> the seat its sealed document names.
    seat_of_case: HashMap<String, String>,
}

pub struct Checker<'a> {
    pub pool: &'a AnyPool,
    pub postgres: bool,
    pub counsellor: &'a age::x25519::Identity,
    pub pepper: &'a Pepper,
}

impl Checker<'_> {
    /// Checks the whole database against every request sent so far.
    /// `reopen_all` opens every stored message again, not only new ones.
    pub async fn check(
        &self,
        sent: &[Sent],
        opened: &mut Opened,
        reopen_all: bool,
    ) -> Result<Findings, BoxError> {
        let mut found = Findings {
            integrity: self.integrity().await?,
            ..Findings::default()
        };
        if reopen_all {
            *opened = Opened::default();
        }
        self.open_new(opened, &mut found).await?;
        let cases = self.cases_by_lookup().await?;
        let by_marker: HashMap<&str, &Sent> = sent.iter().map(|s| (s.marker.as_str(), s)).collect();
        for marker in opened.cases_of_marker.keys() {
            if !by_marker.contains_key(marker.as_str()) {
                found.phantoms += 1;
            }
        }
        for s in sent {
            let holders = opened
                .cases_of_marker
                .get(&s.marker)
                .map_or(&[][..], Vec::as_slice);
            if holders.len() > 1 {
                found.duplicates += 1;
            }
            match &s.answer {
                Answer::Acknowledged(receipt)
                    if !self.receipt_finds(receipt, holders, &cases)? =>
                {
                    found.lost += 1;
                }
                Answer::CutOff if !holders.is_empty() => found.committed_unacknowledged += 1,
                Answer::Refused if !holders.is_empty() => {
                    // A refused booking must leave nothing behind.
                    found.phantoms += 1;
                }
                _ => {}
            }
        }
        found.double_booked = self.seat_problems(sent, opened).await?;
        Ok(found)
    }

    /// Whether the receipt finds exactly one case and it is the one that
    /// holds the request's marker.
    fn receipt_finds(
        &self,
        receipt: &str,
        holders: &[String],
        cases: &HashMap<Vec<u8>, String>,
    ) -> Result<bool, BoxError> {
        let key = Receipt::parse(receipt)
            .ok_or("a receipt on a page did not parse")?
            .client_key(self.pepper)?;
        let Some(case) = cases.get(&key.lookup_hash[..]) else {
            return Ok(false);
        };
        Ok(holders.len() == 1 && holders[0] == *case)
    }

    /// lookup hash -> case id. The column is unique, so one case each.
    async fn cases_by_lookup(&self) -> Result<HashMap<Vec<u8>, String>, BoxError> {
        let rows: Vec<(Vec<u8>, String)> = sqlx::query_as("select lookup_hash, id from cases")
            .fetch_all(self.pool)
            .await?;
        Ok(rows.into_iter().collect())
    }

    /// Opens, with the counsellor's key, every message stored since the last
    /// check (the ones whose ids it has not seen).
    async fn open_new(&self, opened: &mut Opened, found: &mut Findings) -> Result<(), BoxError> {
        let rows: Vec<(String, String, String, Vec<u8>)> = sqlx::query_as(
            "select m.id, m.case_id, c.kind, m.sealed from messages m \
             join cases c on c.id = m.case_id where c.kind <> 'chat'",
        )
        .fetch_all(self.pool)
        .await?;
        let key = [self.counsellor as &dyn age::Identity];
        for (id, case_id, kind, sealed) in rows {
            if !opened.seen.insert(id) {
                continue;
            }
            let doc: MessageDoc = match suoja::seal::open(&sealed, &key) {
                Ok(doc) => doc,
                Err(_) => {
                    found.unreadable += 1;
                    continue;
                }
            };
            if doc.case != case_id || doc.v != 1 {
                found.unreadable += 1;
                continue;
            }
            let marker = if kind == "booking" {
                if let Some(seat) = &doc.seat {
                    opened.seat_of_case.insert(case_id.clone(), seat.clone());
                }
                doc.name.clone().unwrap_or_default()
            } else {
                marker_of_text(&doc.text).to_owned()
            };
            opened
                .cases_of_marker
                .entry(marker)
                .or_default()
                .push(case_id);
        }
        Ok(())
    }

    /// Seats: each booking case names its own seat, booked, on the slot the
    /// client chose; each slot's booked seats equal its count, within its
    /// capacity; no seat is left without a case.
    async fn seat_problems(&self, sent: &[Sent], opened: &Opened) -> Result<usize, BoxError> {
        let seats: Vec<(String, Option<String>, String)> =
            sqlx::query_as("select id, slot_id, state from seats")
                .fetch_all(self.pool)
                .await?;
        let slots: Vec<(String, i64, i64)> =
            sqlx::query_as("select id, capacity, taken from slots")
                .fetch_all(self.pool)
                .await?;
        let seat_rows: HashMap<&str, (Option<&str>, &str)> = seats
            .iter()
            .map(|(id, slot, state)| (id.as_str(), (slot.as_deref(), state.as_str())))
            .collect();
        let chosen: HashMap<&str, &str> = sent
            .iter()
            .filter_map(|s| s.slot.as_deref().map(|slot| (s.marker.as_str(), slot)))
            .collect();
        let mut problems = 0;
        let mut named = HashSet::new();
        for (marker, cases) in &opened.cases_of_marker {
            let Some(&slot) = chosen.get(marker.as_str()) else {
                continue;
            };
            for case in cases {
                let Some(seat) = opened.seat_of_case.get(case) else {
                    problems += 1;
                    continue;
                };
                if !named.insert(seat.as_str()) {
                    problems += 1;
                }
                if seat_rows.get(seat.as_str()) != Some(&(Some(slot), "booked")) {
                    problems += 1;
                }
            }
        }
        problems += seats.len() - named.len().min(seats.len());
        let mut booked: HashMap<&str, i64> = HashMap::new();
        for (_, slot, state) in &seats {
            if let (Some(slot), "booked") = (slot.as_deref(), state.as_str()) {
                *booked.entry(slot).or_default() += 1;
            }
        }
        for (id, capacity, taken) in &slots {
            let n = booked.get(id.as_str()).copied().unwrap_or(0);
            if n != *taken || n > *capacity {
                problems += 1;
            }
        }
        Ok(problems)
    }

    /// SQLite: `pragma integrity_check` and `pragma foreign_key_check`.
    /// PostgreSQL: amcheck over every B-tree index of the schema, and the
    /// references and seat counts checked by query.
    async fn integrity(&self) -> Result<Vec<String>, BoxError> {
        let mut problems = Vec::new();
        if self.postgres {
            sqlx::query("create extension if not exists amcheck")
                .execute(self.pool)
                .await?;
            let indexes: Vec<(String,)> = sqlx::query_as(
                "select c.relname::text from pg_index i \
                 join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam \
                 join pg_namespace n on n.oid = c.relnamespace \
                 where a.amname = 'btree' and n.nspname = 'public'",
            )
            .fetch_all(self.pool)
            .await?;
            for (index,) in &indexes {
                if let Err(e) = sqlx::query("select bt_index_check($1::regclass, true)::text")
                    .bind(index)
                    .execute(self.pool)
                    .await
                {
                    problems.push(format!("index {index}: {e}"));
                }
            }
            if indexes.len() < 5 {
                problems.push(format!("only {} indexes to check", indexes.len()));
            }
        } else {
            let rows: Vec<(String,)> = sqlx::query_as("pragma integrity_check")
                .fetch_all(self.pool)
                .await?;
            if rows.len() != 1 || rows[0].0 != "ok" {
                problems.extend(rows.into_iter().map(|r| r.0));
            }
            let broken = sqlx::query("pragma foreign_key_check")
                .fetch_all(self.pool)
                .await?;
            if !broken.is_empty() {
                problems.push(format!("{} rows break a foreign key", broken.len()));
            }
        }
        // On both: what the constraints promise, counted.
        for (what, sql) in [
            (
                "messages without their case",
                "select count(*) from messages m left join cases c on c.id = m.case_id \
                 where c.id is null",
            ),
            (
                "cases without a message",
                "select count(*) from cases c where not exists \
                 (select 1 from messages m where m.case_id = c.id)",
            ),
            (
                "slots beyond their capacity",
                "select count(*) from slots where taken < 0 or taken > capacity",
            ),
            (
                "seats on no slot",
                "select count(*) from seats s left join slots t on t.id = s.slot_id \
                 where t.id is null",
            ),
        ] {
            let (n,): (i64,) = sqlx::query_as(sql).fetch_one(self.pool).await?;
            if n != 0 {
                problems.push(format!("{n} {what}"));
            }
        }
        Ok(problems)
    }
}
