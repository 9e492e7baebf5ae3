//! With the receipt (always in a POST body, never in a URL) the client sees
//! their booking's time and can cancel it (the seat is freed, the case
//! stays) or move it to another free slot in one transaction.

mod open;

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use open::{Manage, Opened, seat_of_case};

use super::booked::ManageView;
use super::form::parse_choice;
use super::store::{self, SlotRow, Target};
use super::views::{days, group_name, meeting_lines};
use super::{MANAGE_SCOPE, find_service, show_when, time};
use crate::app::AppState;
use crate::config::Service;
use crate::i18n::Tr;
use crate::intake::MessageDoc;
use crate::intake::check::{CHECK_SCOPE, expired_page};
use crate::queue::store::{Author, add_message};
use crate::web::{Page, PageError, html};

pub async fn show(State(state): State<AppState>, m: Manage) -> Result<Response, PageError> {
    let o = match m {
        Manage::Opened(o) => o,
        Manage::Expired(lang, notice) => return Ok(expired_page(&state, lang, notice)),
    };
    manage_page(&state, &o, None, None, StatusCode::OK).await
}

fn service_of(state: &AppState, o: &Opened) -> Result<Arc<Service>, PageError> {
    find_service(state, &o.case.service).ok_or_else(|| PageError::internal("unknown service"))
}

async fn manage_page(
    state: &AppState,
    o: &Opened,
    notice: Option<&'static str>,
    error: Option<&'static str>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let lang = o.lang;
    let t = Tr::new(lang);
    let service = service_of(state, o)?;
    let current = o.booking.state == "booked";
    let is_group = matches!(o.booking.target, Target::Group(_));
    let free = if current && !is_group {
        let now = time::now_unix();
        let until = now + state.config.booking.window_days * 86_400;
        store::free_slots(&state.db, &service.slug, now, until).await?
    } else {
        vec![]
    };
    let shown_days = days(&t, &service, &free, &o.raw.choice);
    let error_anchor = (error == Some("booking-error-choice"))
        .then(|| shown_days.iter().flat_map(|d| &d.slots).next())
        .flatten()
        .map(|c| format!("c-{}", c.value));
    let now = crate::intake::now_secs();
    let (title, group, meetings) = match &o.booking.group {
        Some(g) => {
            let meetings = store::group_meetings(&state.db, &g.id).await?;
            let lines = meeting_lines(&t, &service, &meetings);
            let name = group_name(lang, g).to_owned();
            ("booking-group-manage-title", Some(name), lines)
        }
        None => ("booking-manage-title", None, vec![]),
    };
    let state_key = match (is_group, o.booking.state.as_str()) {
        (true, "booked") => "booking-group-state-booked".to_owned(),
        (_, state) => format!("booking-state-{state}"),
    };
    let view = ManageView {
        error_anchor,
        page: Page::new(lang, title, "check"),
        receipt: o.receipt.to_string(),
        token: state.form_key.issue(MANAGE_SCOPE, now),
        check_token: state.form_key.issue(CHECK_SCOPE, now),
        service_name: service.name_in(lang).to_owned(),
        when: show_when(&t, &service, o.booking.starts_at, o.booking.ends_at),
        group,
        meetings,
        description: service.description_in(lang).to_owned(),
        service_lang: service.text_mark(lang),
        state_text: t.t(&state_key),
        current,
        is_group,
        line_phone: service.phone.clone(),
        days: shown_days,
        cancel_action: format!("/{}/bookings/cancel", lang.code()),
        move_action: format!("/{}/bookings/move", lang.code()),
        notice: notice.map(|n| t.t(n)),
        error: error.map(|e| t.t(e)),
    };
    Ok(html(status, &view))
}

/// Why the booking cannot be changed now: it is no longer current (or,
/// for a move, is a group's). The form's token was spent as the request
/// was taken (`open::Manage`).
fn change_refusal(o: &Opened, moving: bool) -> Option<&'static str> {
    let group = matches!(o.booking.target, Target::Group(_));
    if o.booking.state != "booked" || (moving && group) {
        return Some("booking-not-current");
    }
    None
}

/// A sealed line in the case's thread, so counsellors see what happened.
/// A move's line also carries the new seat's id, which only the seal
/// ties to this case.
async fn seal_note(
    state: &AppState,
    o: &Opened,
    text: String,
    seat: Option<String>,
) -> Result<(i64, Vec<u8>), PageError> {
    let keys = state.service_keys(&o.case.service)?;
    let mut doc = MessageDoc::follow_up(&o.case.id, &o.case.service, None, text);
    doc.seat = seat;
    let envelope = keys.envelope.with(o.key.recipient());
    let sealed = state.seal(&envelope, &doc).await?;
    Ok((keys.epoch, sealed))
}

pub async fn cancel(State(state): State<AppState>, m: Manage) -> Result<Response, PageError> {
    let o = match m {
        Manage::Opened(o) => o,
        Manage::Expired(lang, notice) => return Ok(expired_page(&state, lang, notice)),
    };
    if let Some(error) = change_refusal(&o, false) {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return manage_page(&state, &o, None, Some(error), status).await;
    }
    let text = Tr::new(o.lang).t("booking-doc-cancelled");
    let (epoch, sealed) = seal_note(&state, &o, text, None).await?;
    let mut tx = state.db.pool.begin().await?;
    if store::end_seat(&mut tx, &o.booking.id, "cancelled").await? {
        give_back_seat(&state, &mut tx, &o, epoch, &sealed).await?;
        // Nothing is left to do for the booking: it leaves the new ones.
        let rules = state.services.retention_of(&o.case.service);
        let service = &o.case.service;
        crate::queue::store::set_status(&mut tx, &o.case.id, service, "closed", rules).await?;
    }
    tx.commit().await?;
    state.notifier.activity(&o.case.service);
    let seat = o.booking.id.clone();
    let notice = if matches!(o.booking.target, Target::Group(_)) {
        "booking-group-cancelled-notice"
    } else {
        "booking-cancelled-notice"
    };
    reopened(&state, *o, &seat, Some(notice), None).await
}

/// Frees the client's old seat and adds the sealed line that says why, in
/// the caller's transaction (a cancel or a move).
async fn give_back_seat(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    o: &Opened,
    epoch: i64,
    sealed: &[u8],
) -> Result<(), PageError> {
    store::free_seat(tx, &o.booking.target).await?;
    let rules = state.services.retention_of(&o.case.service);
    add_message(tx, &o.case.id, Author::Client, epoch, sealed, rules).await?;
    Ok(())
}

/// Reloads the case's seat (`seat`: the one it holds now) after a change
/// and shows it.
async fn reopened(
    state: &AppState,
    mut o: Opened,
    seat: &str,
    notice: Option<&'static str>,
    error: Option<&'static str>,
) -> Result<Response, PageError> {
    if let Some(b) = seat_of_case(state, &o.case, seat).await? {
        o.booking = b;
    }
    let status = if error.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    manage_page(state, &o, notice, error, status).await
}

pub async fn move_booking(State(state): State<AppState>, m: Manage) -> Result<Response, PageError> {
    let o = match m {
        Manage::Opened(o) => o,
        Manage::Expired(lang, notice) => return Ok(expired_page(&state, lang, notice)),
    };
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    if let Some(error) = change_refusal(&o, true) {
        return manage_page(&state, &o, None, Some(error), unprocessable).await;
    }
    let Some(Target::Slot(slot_id)) = parse_choice(&o.raw.choice) else {
        let error = Some("booking-error-choice");
        return manage_page(&state, &o, None, error, unprocessable).await;
    };
    let service = service_of(&state, &o)?;
    let slot = store::slot_of_service(&state.db, &slot_id, &service.slug)
        .await?
        .filter(|slot| slot.id != o.booking.target.id());
    let new_seat = crate::db::new_id();
    let moved = match slot {
        Some(slot) => move_to(&state, &o, &service, &slot, &new_seat).await?,
        None => false,
    };
    if !moved {
        let seat = o.booking.id.clone();
        return reopened(&state, *o, &seat, None, Some("booking-taken")).await;
    }
    state.notifier.activity(&service.slug);
    reopened(&state, *o, &new_seat, Some("booking-moved-notice"), None).await
}

/// Moves the booking to `slot` as seat `new_seat` in one transaction: the
/// old seat ends as moved and is freed, the new one is taken, and the
/// sealed line names the new time and seat. False (nothing changed) when
/// the old seat is no longer current or the slot is full.
async fn move_to(
    state: &AppState,
    o: &Opened,
    service: &Service,
    slot: &SlotRow,
    new_seat: &str,
) -> Result<bool, PageError> {
    let t = Tr::new(o.lang);
    let when = show_when(&t, service, slot.starts_at, slot.ends_at);
    let text = t.t1("booking-doc-moved", "when", &when);
    let (epoch, sealed) = seal_note(state, o, text, Some(new_seat.to_owned())).await?;
    let mut tx = state.db.pool.begin().await?;
    let ok = store::end_seat(&mut tx, &o.booking.id, "moved").await?
        && store::take_slot(&mut tx, &slot.id, &service.slug, time::now_unix()).await?;
    if !ok {
        tx.rollback().await?;
        return Ok(false);
    }
    store::insert_seat(&mut tx, new_seat, &Target::Slot(slot.id.clone())).await?;
    give_back_seat(state, &mut tx, o, epoch, &sealed).await?;
    tx.commit().await?;
    Ok(true)
}
