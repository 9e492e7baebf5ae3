//! The client books: free slots of the coming weeks and open groups, a form
//! with who calls whom, and the receipt once the booking is committed.

use std::net::SocketAddr;

use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::form::{BookingRequest, Call, RawBooking};
use super::store::{self, Target};
use super::views::{BookView, BookedView};
use super::{show_when, time, token_scope};
use crate::abuse::TokenCheck;
use crate::app::AppState;
use crate::config::Service;
use crate::db::new_id;
use crate::i18n::{Lang, Tr};
use crate::intake::form::FieldError;
use crate::intake::new_case::{SealedCase, seal_case};
use crate::intake::store::NewCase;
use crate::intake::{BookingDoc, MessageDoc};
use crate::seal::Receipt;
use crate::web::{PageError, render};

pub async fn form(
    State(state): State<AppState>,
    Path((code, slug)): Path<(String, String)>,
) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return crate::intake::no_such_language(&state);
    };
    let exit = &state.config.quick_exit_url;
    // Clients book only with a service that is not retired.
    let Some(service) = state.services.open_one(&slug) else {
        return PageError::NotFound.render(lang, exit);
    };
    page(
        &state,
        lang,
        &service,
        RawBooking::default(),
        vec![],
        None,
        StatusCode::OK,
    )
    .await
}

/// The booking page with what is free now, the input kept and any problems.
async fn page(
    state: &AppState,
    lang: Lang,
    service: &Service,
    raw: RawBooking,
    errors: Vec<FieldError>,
    notice: Option<&'static str>,
    status: StatusCode,
) -> Response {
    let exit = &state.config.quick_exit_url;
    let now = time::now_unix();
    let free = async {
        let slots = store::free_slots(
            &state.db,
            &service.slug,
            now,
            now + state.config.booking.window_days * 86_400,
        )
        .await?;
        let groups = store::open_groups(&state.db, &service.slug, now).await?;
        Ok::<_, sqlx::Error>((slots, groups))
    };
    let (slots, groups) = match free.await {
        Ok(v) => v,
        Err(e) => return PageError::internal(e).render(lang, exit),
    };
    let view = BookView::new(state, lang, service, slots, groups, raw, errors, notice);
    render(status, &view, lang, exit)
}

pub async fn submit(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path((code, slug)): Path<(String, String)>,
    form: Result<Form<RawBooking>, FormRejection>,
) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return crate::intake::no_such_language(&state);
    };
    let exit = &state.config.quick_exit_url;
    // Clients book only with a service that is not retired.
    let Some(service) = state.services.open_one(&slug) else {
        return PageError::NotFound.render(lang, exit);
    };
    let raw = match form {
        Ok(Form(raw)) => raw,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return PageError::TooLarge.render(lang, exit);
        }
        Err(_) => return PageError::BadRequest.render(lang, exit),
    };
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let client = state.client_net(peer, &headers);
    if !state.limits.allow_submission(client, &service.slug) {
        tracing::debug!(service = %service.slug, "booking over the rate limit");
        let status = StatusCode::TOO_MANY_REQUESTS;
        return page(
            &state,
            lang,
            &service,
            raw,
            vec![],
            Some("notice-too-many"),
            status,
        )
        .await;
    }
    let refusal = match state.form_key.check(
        &token_scope(&service),
        &raw.token,
        crate::intake::now_secs(),
    ) {
        TokenCheck::Valid => None,
        TokenCheck::TooFast => Some("notice-too-fast"),
        TokenCheck::Invalid => Some("notice-expired"),
    };
    if let Some(notice) = refusal {
        return page(
            &state,
            lang,
            &service,
            raw,
            vec![],
            Some(notice),
            unprocessable,
        )
        .await;
    }
    let request = match BookingRequest::parse(&raw, &service) {
        Ok(r) => r,
        Err(errors) => return page(&state, lang, &service, raw, errors, None, unprocessable).await,
    };
    match accept(&state, lang, &service, request).await {
        Ok(Accepted::Booked(receipt, when, call)) => {
            let view = BookedView::new(&state, lang, &service, &receipt, when, &call);
            render(StatusCode::OK, &view, lang, exit)
        }
        Ok(Accepted::Taken) => {
            let status = StatusCode::CONFLICT;
            page(
                &state,
                lang,
                &service,
                raw,
                vec![],
                Some("booking-taken"),
                status,
            )
            .await
        }
        Err(e) => e.render(lang, exit),
    }
}

enum Accepted {
    Booked(Receipt, String, Call),
    /// The last seat went to someone else (or the time is gone).
    Taken,
}

/// The time a target stands for, if it can still be booked at all.
pub(super) async fn target_times(
    state: &AppState,
    service: &Service,
    target: &Target,
) -> Result<Option<(i64, i64, Option<String>)>, PageError> {
    match target {
        Target::Slot(id) => Ok(store::slot_of_service(&state.db, id, &service.slug)
            .await
            .map_err(PageError::internal)?
            .map(|s| (s.starts_at, s.ends_at, None))),
        Target::Group(id) => Ok(store::group_by_id(&state.db, id)
            .await
            .map_err(PageError::internal)?
            .filter(|g| g.service == service.slug)
            .map(|g| (g.first_at, g.last_at, Some(g.name_en)))),
    }
}

pub(super) fn rfc3339(unix: i64) -> String {
    jiff::Timestamp::from_second(unix)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// Seals the booking, takes the seat and stores the case in one
/// transaction; the receipt exists for the client only after the commit.
async fn accept(
    state: &AppState,
    lang: Lang,
    service: &Service,
    request: BookingRequest,
) -> Result<Accepted, PageError> {
    let Some((starts_at, ends_at, group)) = target_times(state, service, &request.target).await?
    else {
        return Ok(Accepted::Taken);
    };
    let t = Tr::new(lang);
    let when = show_when(&t, service, starts_at, ends_at);
    // The seat's id: in the seat row, and otherwise only inside the seal.
    let seat_id = new_id();
    let doc = BookingDoc {
        call: request.call.code().to_owned(),
        starts_at: rfc3339(starts_at),
        ends_at: rfc3339(ends_at),
        time_zone: service.time_zone.iana_name().unwrap_or("UTC").to_owned(),
        group,
    };
    let text = t.t1(
        &format!("booking-doc-{}", request.call.code()),
        "when",
        &when,
    );
    let first = |case: &str| first_message(case, service, &request, doc, &seat_id, text);
    let until = booked_until(state, service, ends_at).await?;
    let SealedCase { receipt, case } =
        seal_case(state, service, "booking", Some(until), first).await?;
    if !take_seat(state, service, &case, &seat_id, &request.target).await? {
        tracing::debug!(service = %service.slug, "booking refused: no free seat");
        return Ok(Accepted::Taken);
    }
    state.notifier.activity(&service.slug);
    Ok(Accepted::Booked(receipt, when, request.call))
}

/// The booking case's first message: who calls whom, the exact time, and
/// the seat it holds.
fn first_message(
    case: &str,
    service: &Service,
    request: &BookingRequest,
    booking: BookingDoc,
    seat_id: &str,
    text: String,
) -> MessageDoc {
    MessageDoc {
        v: crate::intake::DOC_VERSION,
        case: case.to_owned(),
        service: service.slug.clone(),
        written_at: rfc3339(time::now_unix()),
        topic: request.topic.clone(),
        name: request.name.clone(),
        contact: Some(match &request.call {
            Call::WeCall(phone) => crate::intake::ContactWay::Phone(phone.clone()),
            Call::YouCall => crate::intake::ContactWay::None,
        }),
        staff: None,
        booking: Some(booking),
        seat: Some(seat_id.to_owned()),
        text,
    }
}

/// The last day the case's booking may hold: kept after the booked time as
/// long as after any activity, counted from the service's latest published
/// time so the deadline does not tell which time this case holds (see
/// retention::store::booking_horizon).
async fn booked_until(
    state: &AppState,
    service: &Service,
    ends_at: i64,
) -> Result<jiff::civil::Date, PageError> {
    let horizon = crate::retention::store::service_horizon(&state.db, &service.slug)
        .await?
        .map_or(ends_at, |h| h.max(ends_at));
    Ok(crate::retention::day_of(horizon))
}

/// Takes a seat of `target` and stores the case, in one transaction; false
/// (and nothing stored) when no seat is free.
async fn take_seat(
    state: &AppState,
    service: &Service,
    case: &NewCase,
    seat_id: &str,
    target: &Target,
) -> Result<bool, PageError> {
    let mut tx = state.db.pool.begin().await?;
    let now = time::now_unix();
    let took = match target {
        Target::Slot(id) => store::take_slot(&mut tx, id, &service.slug, now).await?,
        Target::Group(id) => store::take_series(&mut tx, id, &service.slug, now).await?,
    };
    if !took {
        tx.rollback().await?;
        return Ok(false);
    }
    store::insert_booking_case(&mut tx, case, seat_id, target).await?;
    tx.commit().await?;
    Ok(true)
}
