//! The client books: free slots of the coming weeks and open groups, a form
//! with who calls whom, and the receipt once the booking is committed.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::form::{BookingRequest, Call, RawBooking};
use super::store::{self, Target};
use super::views::{BookView, BookedView};
use super::{show_when, time, token_scope};
use crate::abuse::{Filled, take_form};
use crate::app::AppState;
use crate::config::Service;
use crate::db::new_id;
use crate::i18n::{Lang, Tr};
use crate::intake::form::FieldError;
use crate::intake::new_case::{SealedCase, seal_case};
use crate::intake::store::NewCase;
use crate::intake::{BookingDoc, MessageDoc};
use crate::seal::Receipt;
use crate::web::{Form, PageError, html};

/// A service clients may book with: known and not retired.
fn find_open_service(state: &AppState, slug: &str) -> Result<Arc<Service>, PageError> {
    state.services.open_one(slug).ok_or(PageError::NotFound)
}

pub async fn form(
    State(state): State<AppState>,
    lang: Lang,
    Path((_, slug)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let service = find_open_service(&state, &slug)?;
    let raw = RawBooking::default();
    page(&state, lang, &service, raw, vec![], None, StatusCode::OK).await
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
) -> Result<Response, PageError> {
    let now = time::now_unix();
    let until = now + state.config.booking.window_days * 86_400;
    let slots = store::free_slots(&state.db, &service.slug, now, until).await?;
    let groups = store::open_groups(&state.db, &service.slug, now).await?;
    let view = BookView::new(state, lang, service, slots, groups, raw, errors, notice);
    Ok(html(status, &view))
}

/// Why a booking form is not taken now (too many from this network, or a
/// form token that is spent, too fresh or too old), as a page status and
/// a notice. A token that passes is spent here, before the form is parsed:
/// a form sent again (Back, Reload) never books twice, and one refused
/// later comes back with a fresh token.
async fn refusal(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    service: &Service,
    raw: &RawBooking,
) -> Result<Option<(StatusCode, &'static str)>, PageError> {
    let client = state.client_net(peer, headers);
    if !state.limits.allow_submission(client, &service.slug).await {
        tracing::debug!("booking over the rate limit");
        return Ok(Some((StatusCode::TOO_MANY_REQUESTS, "notice-too-many")));
    }
    let (db, key, scope) = (&state.spent, &state.form_key, token_scope(service));
    let notice = take_form(db, key, &scope, &raw.token, Filled::ByHand).await?;
    Ok(notice.map(|notice| (StatusCode::UNPROCESSABLE_ENTITY, notice)))
}

pub async fn submit(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    lang: Lang,
    Path((_, slug)): Path<(String, String)>,
    Form(raw): Form<RawBooking>,
) -> Result<Response, PageError> {
    let service = find_open_service(&state, &slug)?;
    // Every refusal below hands the form back with what the person typed.
    if let Some((status, notice)) = refusal(&state, peer, &headers, &service, &raw).await? {
        return page(&state, lang, &service, raw, vec![], Some(notice), status).await;
    }
    let request = match BookingRequest::parse(&raw, &service) {
        Ok(request) => request,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return page(&state, lang, &service, raw, errors, None, status).await;
        }
    };
    match accept(&state, lang, &service, request).await? {
        Accepted::Booked(receipt, when, call) => {
            let view = BookedView::new(&state, lang, &service, &receipt, when, &call);
            Ok(html(StatusCode::OK, &view))
        }
        Accepted::Taken => {
            let (status, notice) = (StatusCode::CONFLICT, Some("booking-taken"));
            page(&state, lang, &service, raw, vec![], notice, status).await
        }
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
            .await?
            .map(|s| (s.starts_at, s.ends_at, None))),
        Target::Group(id) => Ok(store::group_by_id(&state.db, id)
            .await?
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
    Ok(Accepted::Booked(receipt, when, request.call.clone()))
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
        mac: None,
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
