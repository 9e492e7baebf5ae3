//! Booking: counsellors publish one-off slots, weekly duty hours and group
//! series; clients book a free time (or a whole group) anonymously and get a
//! receipt; with it they see, move or cancel the booking. A booking is a
//! case of kind `booking` whose sealed first message holds who calls whom,
//! the phone number, an optional name and topic, and the exact time.
//! Counsellors see their schedule (a day or a week), mark bookings done or
//! missed, cancel them with a sealed message, and record phone calls as
//! cases (`phone`) with a receipt read out to the caller.

mod book;
mod booked;
mod cancel;
pub(crate) mod form;
pub mod line;
mod manage;
mod phone;
mod publish;
mod schedule;
pub(crate) mod seats;
pub mod store;
pub mod time;
mod views;

use axum::Router;
use axum::routing::{get, post};

use crate::app::AppState;
use crate::config::Service;
use crate::i18n::{Tr, format};

pub use booked::receipt_again;
pub use form::Call;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/{lang}/services/{slug}/book",
            get(book::form).post(book::submit),
        )
        .route("/{lang}/bookings/manage", post(manage::show))
        .route("/{lang}/bookings/cancel", post(manage::cancel))
        .route("/{lang}/bookings/move", post(manage::move_booking))
        .route("/{lang}/staff/availability", get(publish::page))
        .route("/{lang}/staff/availability/oneoff", post(publish::oneoff))
        .route("/{lang}/staff/availability/weekly", post(publish::weekly))
        .route("/{lang}/staff/availability/group", post(publish::group))
        .route(
            "/{lang}/staff/availability/slots/{id}/remove",
            post(publish::remove),
        )
        .route(
            "/{lang}/staff/availability/slots/{id}/edit",
            get(publish::edit_page).post(publish::edit),
        )
        .route("/{lang}/staff/schedule", get(schedule::page))
        .route(
            "/{lang}/staff/schedule/bookings/{id}/outcome",
            post(schedule::outcome),
        )
        .route(
            "/{lang}/staff/schedule/bookings/{id}/cancel",
            post(schedule::cancel),
        )
        .route("/{lang}/staff/phone", get(phone::page).post(phone::submit))
}

/// Any service, retired or not (staff pages; client pages check
/// `retired`).
pub(crate) fn find_service(state: &AppState, slug: &str) -> Option<std::sync::Arc<Service>> {
    state.services.get(slug)
}

/// Scope of the form token on the forms that carry a booking's receipt:
/// the one that opens it (on the thread page) and the cancel and move
/// forms. One token per page, spent by whichever of its forms is sent.
pub(crate) const MANAGE_SCOPE: &str = "booking-manage";

/// The form-token scope of a service's booking form.
pub(crate) fn token_scope(service: &Service) -> String {
    format!("booking:{}", service.slug)
}

/// A slot's time as people of each language write it, in the service's zone:
/// "ti 31.3.2026 klo 10.00–10.30".
pub fn show_when(t: &Tr, service: &Service, starts_at: i64, ends_at: i64) -> String {
    show_when_in(t, &service.time_zone, starts_at, ends_at)
}

/// A time as [`show_when`] writes it, in zone `tz`.
pub fn show_when_in(t: &Tr, tz: &jiff::tz::TimeZone, starts_at: i64, ends_at: i64) -> String {
    let (Some(start), Some(end)) = (time::local(tz, starts_at), time::local(tz, ends_at)) else {
        return String::new();
    };
    let clock = |d: jiff::civil::DateTime| format::clock(t.lang, d);
    let day = show_day(t, start.date());
    if end.date() == start.date() {
        let span = format::ltr(t.lang, &format!("{}–{}", clock(start), clock(end)));
        format!("{day} {span}")
    } else {
        let end_day = show_day(t, end.date());
        format!("{day} {}–{end_day} {}", clock(start), clock(end))
    }
}

/// Which clock the times of a page are in, as people say it: "Finnish
/// time" for Helsinki, else the zone's city (never a tz database name).
pub fn zone_note(t: &Tr, tz: &jiff::tz::TimeZone) -> String {
    match tz.iana_name() {
        Some("Europe/Helsinki") => t.t("booking-zone-note-finland"),
        Some("UTC" | "Etc/UTC") | None => t.t("booking-zone-note-utc"),
        Some(name) => {
            let city = name.rsplit('/').next().unwrap_or(name).replace('_', " ");
            t.t1("booking-zone-note", "city", &city)
        }
    }
}

/// "ti 31.3.2026" (fi, sv), "Tue 31 Mar 2026" (en): the weekday from the
/// locale, the date as [`format::date`] writes it.
pub fn show_day(t: &Tr, day: jiff::civil::Date) -> String {
    let weekday = t.t(&format!(
        "booking-weekday-{}",
        day.weekday().to_monday_one_offset()
    ));
    format!("{weekday} {}", format::date(t.lang, day))
}
