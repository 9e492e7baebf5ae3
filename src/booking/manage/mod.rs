//! With the receipt (always in a POST body, never in a URL) the client sees
//! their booking's time and can cancel it (the seat is freed, the case
//! stays) or move it to another free slot in one transaction.

mod open;

use std::net::SocketAddr;

use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use open::{Opened, RawManage, open, seat_of_case};

use super::form::parse_choice;
use super::store::{self, Target};
use super::views::{ManageView, days, group_name};
use super::{find_service, show_when, time};
use crate::abuse::TokenCheck;
use crate::app::AppState;
use crate::config::Service;
use crate::i18n::Tr;
use crate::intake::MessageDoc;
use crate::queue::store::{Author, add_message};
use crate::web::{Page, PageError, render};

/// Scope of the form token on the cancel and move forms.
const MANAGE_SCOPE: &str = "booking-manage";

pub async fn show(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(code): Path<String>,
    form: Result<Form<RawManage>, FormRejection>,
) -> Response {
    match open(&state, peer, &headers, &code, form).await {
        Ok(o) => manage_page(&state, &o, None, None, StatusCode::OK).await,
        Err(r) => r,
    }
}

fn service_of(state: &AppState, o: &Opened) -> Result<std::sync::Arc<Service>, PageError> {
    find_service(state, &o.case.service).ok_or_else(|| PageError::internal("unknown service"))
}

async fn manage_page(
    state: &AppState,
    o: &Opened,
    notice: Option<&'static str>,
    error: Option<&'static str>,
    status: StatusCode,
) -> Response {
    let exit = &state.config.quick_exit_url;
    let lang = o.lang;
    let t = Tr::new(lang);
    let service = match service_of(state, o) {
        Ok(s) => s,
        Err(e) => return e.render(lang, exit),
    };
    let current = o.booking.state == "booked";
    let is_group = matches!(o.booking.target, Target::Group(_));
    let free = if current && !is_group {
        let now = time::now_unix();
        let until = now + state.config.booking.window_days * 86_400;
        match store::free_slots(&state.db, &service.slug, now, until).await {
            Ok(slots) => slots,
            Err(e) => return PageError::internal(e).render(lang, exit),
        }
    } else {
        vec![]
    };
    let when = match &o.booking.group {
        Some(g) => format!(
            "{} · {}",
            group_name(lang, g),
            super::views::group_detail(&t, &service, g)
        ),
        None => show_when(&t, &service, o.booking.starts_at, o.booking.ends_at),
    };
    let shown_days = days(&t, &service, &free, &o.raw.choice);
    let error_anchor = (error == Some("booking-error-choice"))
        .then(|| shown_days.iter().flat_map(|d| &d.slots).next())
        .flatten()
        .map(|c| format!("c-{}", c.value));
    let view = ManageView {
        error_anchor,
        page: Page::new(lang, "booking-manage-title", "check", exit),
        receipt: o.receipt.to_string(),
        token: state
            .form_key
            .issue(MANAGE_SCOPE, crate::intake::now_secs()),
        service_name: service.name.get(lang).to_owned(),
        when,
        state_text: t.t(&format!("booking-state-{}", o.booking.state)),
        current,
        is_group,
        line_phone: service.phone.clone(),
        days: shown_days,
        cancel_action: format!("/{}/bookings/cancel", lang.code()),
        move_action: format!("/{}/bookings/move", lang.code()),
        notice: notice.map(|n| t.t(n)),
        error: error.map(|e| t.t(e)),
    };
    render(status, &view, lang, exit)
}

fn token_refusal(state: &AppState, raw: &RawManage) -> Option<&'static str> {
    match state
        .form_key
        .check(MANAGE_SCOPE, &raw.token, crate::intake::now_secs())
    {
        TokenCheck::Valid => None,
        TokenCheck::TooFast => Some("notice-too-fast"),
        TokenCheck::Invalid => Some("notice-expired"),
    }
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

pub async fn cancel(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(code): Path<String>,
    form: Result<Form<RawManage>, FormRejection>,
) -> Response {
    let o = match open(&state, peer, &headers, &code, form).await {
        Ok(o) => o,
        Err(r) => return r,
    };
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    if let Some(notice) = token_refusal(&state, &o.raw) {
        return manage_page(&state, &o, None, Some(notice), unprocessable).await;
    }
    if o.booking.state != "booked" {
        return manage_page(&state, &o, None, Some("booking-not-current"), unprocessable).await;
    }
    let t = Tr::new(o.lang);
    let done = async {
        let (epoch, sealed) = seal_note(&state, &o, t.t("booking-doc-cancelled"), None).await?;
        let mut tx = state.db.pool.begin().await.map_err(PageError::internal)?;
        let ended = store::end_seat(&mut tx, &o.booking.id, "cancelled")
            .await
            .map_err(PageError::internal)?;
        if ended {
            give_back_seat(&state, &mut tx, &o, epoch, &sealed).await?;
        }
        tx.commit().await.map_err(PageError::internal)?;
        Ok::<_, PageError>(ended)
    };
    match done.await {
        Ok(_) => {
            tracing::info!(service = %o.case.service, "booking cancelled by client");
            state.notifier.activity(&o.case.service);
            let seat = o.booking.id.clone();
            reopened(&state, o, &seat, Some("booking-cancelled-notice"), None).await
        }
        Err(e) => e.render(o.lang, &state.config.quick_exit_url),
    }
}

/// Reloads the case's seat (`seat`: the one it holds now) after a change
/// and shows it.
/// Frees the client's old seat and adds the sealed line that says why, in
/// the caller's transaction (a cancel or a move).
async fn give_back_seat(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    o: &Opened,
    epoch: i64,
    sealed: &[u8],
) -> Result<(), PageError> {
    store::free_seat(tx, &o.booking.target)
        .await
        .map_err(PageError::internal)?;
    add_message(
        tx,
        &o.case.id,
        Author::Client,
        epoch,
        sealed,
        state.services.retention_of(&o.case.service),
    )
    .await
    .map_err(PageError::internal)
}

async fn reopened(
    state: &AppState,
    mut o: Opened,
    seat: &str,
    notice: Option<&'static str>,
    error: Option<&'static str>,
) -> Response {
    match seat_of_case(state, &o.case, seat).await {
        Ok(Some(b)) => o.booking = b,
        Ok(None) => {}
        Err(e) => return e.render(o.lang, &state.config.quick_exit_url),
    }
    let status = if error.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    manage_page(state, &o, notice, error, status).await
}

pub async fn move_booking(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(code): Path<String>,
    form: Result<Form<RawManage>, FormRejection>,
) -> Response {
    let o = match open(&state, peer, &headers, &code, form).await {
        Ok(o) => o,
        Err(r) => return r,
    };
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    if let Some(notice) = token_refusal(&state, &o.raw) {
        return manage_page(&state, &o, None, Some(notice), unprocessable).await;
    }
    if o.booking.state != "booked" || matches!(o.booking.target, Target::Group(_)) {
        return manage_page(&state, &o, None, Some("booking-not-current"), unprocessable).await;
    }
    let Some(Target::Slot(new_id)) = parse_choice(&o.raw.choice) else {
        return manage_page(
            &state,
            &o,
            None,
            Some("booking-error-choice"),
            unprocessable,
        )
        .await;
    };
    let exit = &state.config.quick_exit_url;
    let service = match service_of(&state, &o) {
        Ok(s) => s,
        Err(e) => return e.render(o.lang, exit),
    };
    let slot = match store::slot_of_service(&state.db, &new_id, &service.slug).await {
        Ok(Some(slot)) if slot.id != o.booking.target.id() => slot,
        Ok(_) => {
            let seat = o.booking.id.clone();
            return reopened(&state, o, &seat, None, Some("booking-taken")).await;
        }
        Err(e) => return PageError::internal(e).render(o.lang, exit),
    };
    let t = Tr::new(o.lang);
    let when = show_when(&t, &service, slot.starts_at, slot.ends_at);
    let new_seat = crate::db::new_id();
    let moved = async {
        let text = t.t1("booking-doc-moved", "when", &when);
        let (epoch, sealed) = seal_note(&state, &o, text, Some(new_seat.clone())).await?;
        let mut tx = state.db.pool.begin().await.map_err(PageError::internal)?;
        let new_target = Target::Slot(slot.id.clone());
        let ok = store::end_seat(&mut tx, &o.booking.id, "moved")
            .await
            .map_err(PageError::internal)?
            && store::take_slot(&mut tx, &slot.id, &service.slug, time::now_unix())
                .await
                .map_err(PageError::internal)?;
        if !ok {
            tx.rollback().await.map_err(PageError::internal)?;
            return Ok(false);
        }
        store::insert_seat(&mut tx, &new_seat, &new_target)
            .await
            .map_err(PageError::internal)?;
        give_back_seat(&state, &mut tx, &o, epoch, &sealed).await?;
        tx.commit().await.map_err(PageError::internal)?;
        Ok::<_, PageError>(true)
    };
    match moved.await {
        Ok(true) => {
            tracing::info!(service = %service.slug, "booking moved by client");
            state.notifier.activity(&service.slug);
            reopened(&state, o, &new_seat, Some("booking-moved-notice"), None).await
        }
        Ok(false) => {
            let seat = o.booking.id.clone();
            reopened(&state, o, &seat, None, Some("booking-taken")).await
        }
        Err(e) => e.render(o.lang, exit),
    }
}
