//! The client books: free slots of the coming weeks with who calls whom,
//! or a place in an open group (which meets at its own times, so nobody
//! calls), and the receipt once the booking is committed. With nothing to
//! book the page says so and where to write instead, with no form.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::booked::{Booked, BookedView};
use super::form::{BookingRequest, Call, RawBooking};
use super::line::{self, Audience};
use super::store::{self, GroupRow, Meeting, Target};
use super::views::{BookView, group_name};
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
    let mut groups = Vec::new();
    for group in store::open_groups(&state.db, &service.slug, now).await? {
        let meetings = store::group_meetings(&state.db, &group.id).await?;
        groups.push((group, meetings));
    }
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
    let group = request.call.is_none();
    match accept(&state, lang, &service, request).await? {
        Accepted::Booked(receipt, booked) => {
            let view = BookedView::new(&state, lang, &service, &receipt, booked);
            Ok(html(StatusCode::OK, &view))
        }
        Accepted::Taken => {
            let status = StatusCode::CONFLICT;
            let notice = Some(if group {
                "booking-group-full"
            } else {
                "booking-taken"
            });
            page(&state, lang, &service, raw, vec![], notice, status).await
        }
    }
}

enum Accepted {
    Booked(Receipt, Booked),
    /// The last seat went to someone else (or the time is gone).
    Taken,
}

/// What a target stands for, if it can still be booked at all: a time, or
/// a group with its meetings.
async fn find_target(
    state: &AppState,
    service: &Service,
    target: &Target,
) -> Result<Option<Found>, PageError> {
    match target {
        Target::Slot(id) => Ok(store::slot_of_service(&state.db, id, &service.slug)
            .await?
            .map(|s| Found::Time(s.starts_at, s.ends_at))),
        Target::Group(id) => {
            let Some(group) = store::group_by_id(&state.db, id)
                .await?
                .filter(|g| g.service == service.slug)
            else {
                return Ok(None);
            };
            let meetings = store::group_meetings(&state.db, id).await?;
            Ok(Some(Found::Group(group, meetings)))
        }
    }
}

enum Found {
    Time(i64, i64),
    Group(GroupRow, Vec<Meeting>),
}

pub(super) fn rfc3339(unix: i64) -> String {
    jiff::Timestamp::from_second(unix)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// The sealed part of the booking: for a time, who calls whom and when;
/// for a group, its name (as the client read it) and its first and last
/// meeting's start.
fn booking_doc(lang: Lang, service: &Service, found: &Found, call: Option<&Call>) -> BookingDoc {
    let (starts_at, ends_at, group) = match found {
        Found::Time(starts_at, ends_at) => (*starts_at, *ends_at, None),
        Found::Group(g, _) => (g.first_at, g.last_at, Some(group_name(lang, g).to_owned())),
    };
    BookingDoc {
        call: call.map_or("group", Call::code).to_owned(),
        starts_at: rfc3339(starts_at),
        ends_at: rfc3339(ends_at),
        time_zone: service.time_zone.iana_name().unwrap_or("UTC").to_owned(),
        group,
    }
}

/// Seals the booking, takes the seat and stores the case in one
/// transaction; the receipt exists for the client only after the commit.
async fn accept(
    state: &AppState,
    lang: Lang,
    service: &Service,
    request: BookingRequest,
) -> Result<Accepted, PageError> {
    let Some(found) = find_target(state, service, &request.target).await? else {
        return Ok(Accepted::Taken);
    };
    let t = Tr::new(lang);
    // The seat's id: in the seat row, and otherwise only inside the seal.
    let seat_id = new_id();
    let doc = booking_doc(lang, service, &found, request.call.as_ref());
    // The line as staff read it; each reader's page words it anew from
    // the sealed booking (`booking::line`).
    let text = line::booking_line(&t, Audience::Staff, &doc).unwrap_or_default();
    let last_end = match &found {
        Found::Time(_, ends_at) => *ends_at,
        Found::Group(g, meetings) => meetings.last().map_or(g.last_at, |m| m.ends_at),
    };
    let first =
        |case: &str| first_message(case, service, &request, doc, &seat_id, text).written_from(lang);
    let until = booked_until(state, service, last_end).await?;
    let SealedCase { receipt, case } =
        seal_case(state, service, "booking", Some(until), first).await?;
    if !take_seat(state, service, &case, &seat_id, &request.target).await? {
        tracing::debug!(service = %service.slug, "booking refused: no free seat");
        return Ok(Accepted::Taken);
    }
    state.notifier.activity(&service.slug);
    let metric = match found {
        Found::Time(..) => crate::stats::Metric::Bookings,
        Found::Group(..) => crate::stats::Metric::GroupSignups,
    };
    state.stats.count(&service.slug, metric, lang.code());
    let booked = match found {
        Found::Time(starts_at, ends_at) => Booked::Time {
            when: show_when(&t, service, starts_at, ends_at),
            call: request.call.clone(),
        },
        Found::Group(group, meetings) => Booked::Group { group, meetings },
    };
    Ok(Accepted::Booked(receipt, booked))
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
            Some(Call::WeCall(phone)) => crate::intake::ContactWay::Phone(phone.clone()),
            Some(Call::YouCall) | None => crate::intake::ContactWay::None,
        }),
        staff: None,
        booking: Some(booking),
        seat: Some(seat_id.to_owned()),
        lang: None,
        interpreter: false,
        feedback: None,
        handed: None,
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
