//! Opening a booking with its receipt: the form, the rate limit, the
//! receipt, the case, and the seat the case holds now (found through the
//! case's sealed messages, `booking::seats`).

use std::net::SocketAddr;

use axum::extract::Form;
use axum::extract::rejection::FormRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;

use crate::app::AppState;
use crate::booking::seats;
use crate::booking::store::{self, BookingRow};
use crate::i18n::Lang;
use crate::intake::store::{CaseRow, find_by_lookup};
use crate::seal::{ClientKey, Receipt};
use crate::web::PageError;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawManage {
    pub receipt: String,
    pub token: String,
    pub choice: String,
}

/// A booking case opened with its receipt, for one request.
pub(super) struct Opened {
    pub(super) lang: Lang,
    pub(super) raw: RawManage,
    pub(super) receipt: Receipt,
    pub(super) key: ClientKey,
    pub(super) case: CaseRow,
    pub(super) booking: BookingRow,
}

/// Language, form, rate limit, receipt, case and booking; or the answer.
pub(super) async fn open(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    code: &str,
    form: Result<Form<RawManage>, FormRejection>,
) -> Result<Opened, Response> {
    let Some(lang) = Lang::from_code(code) else {
        return Err(crate::intake::no_such_language(state));
    };
    let exit = &state.config.quick_exit_url;
    let raw = match form {
        Ok(Form(raw)) => raw,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(PageError::TooLarge.render(lang, exit));
        }
        Err(_) => return Err(PageError::BadRequest.render(lang, exit)),
    };
    let client = state.client_net(peer, headers);
    if !state.limits.allow_lookup(client) {
        tracing::debug!("booking look-up over the rate limit");
        return Err(PageError::TooManyRequests.render(lang, exit));
    }
    let Some(receipt) = Receipt::parse(&raw.receipt) else {
        return Err(PageError::NotFound.render(lang, exit));
    };
    let key = receipt
        .client_key(&state.pepper)
        .map_err(|e| PageError::internal(e).render(lang, exit))?;
    let case = find_by_lookup(&state.db, &key.lookup_hash)
        .await
        .map_err(|e| PageError::internal(e).render(lang, exit))?
        .filter(|c| c.kind == "booking")
        .ok_or_else(|| PageError::NotFound.render(lang, exit))?;
    let booking = current_seat(state, &case, &key)
        .await
        .map_err(|e| e.render(lang, exit))?
        .ok_or_else(|| PageError::NotFound.render(lang, exit))?;
    Ok(Opened {
        lang,
        raw,
        receipt,
        key,
        case,
        booking,
    })
}

/// The seat the case holds now, found through its sealed messages; it must
/// be of the case's own service.
async fn current_seat(
    state: &AppState,
    case: &CaseRow,
    key: &ClientKey,
) -> Result<Option<BookingRow>, PageError> {
    let Some(seat) = seats::client_seat(&state.db, &case.id, &key.identity).await? else {
        return Ok(None);
    };
    seat_of_case(state, case, &seat).await
}

pub(super) async fn seat_of_case(
    state: &AppState,
    case: &CaseRow,
    seat: &str,
) -> Result<Option<BookingRow>, PageError> {
    Ok(store::seat_by_id(&state.db, seat)
        .await
        .map_err(PageError::internal)?
        .filter(|b| b.service == case.service))
}
