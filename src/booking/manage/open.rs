//! Opening a booking with its receipt, as an extractor: the form, the rate
//! limit, the form's single-use token, the receipt, the case, and the seat
//! the case holds now (found through the case's sealed messages,
//! `booking::seats`).

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use serde::Deserialize;

use super::super::MANAGE_SCOPE;
use crate::abuse::{Filled, take_form};
use crate::app::AppState;
use crate::booking::seats;
use crate::booking::store::{self, BookingRow};
use crate::i18n::Lang;
use crate::intake::store::{CaseRow, find_by_lookup};
use crate::seal::{ClientKey, Receipt};
use crate::web::{Form, PageError};

/// No `Debug`, and wiped when dropped: it holds a receipt.
#[derive(Default, Deserialize)]
pub struct RawManage {
    #[serde(default)]
    pub receipt: String,
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub choice: String,
}

crate::seal::wipe_on_drop!(RawManage: receipt, token, choice);

/// A booking case opened with its receipt, for one request.
pub struct Opened {
    pub(super) lang: Lang,
    pub(super) raw: RawManage,
    pub(super) receipt: Receipt,
    pub(super) key: ClientKey,
    pub(super) case: CaseRow,
    pub(super) booking: BookingRow,
}

/// A request of the manage forms: its booking opened, or, for a form sent
/// again (Back, Reload) or too old, the notice to give instead (with the
/// empty receipt form, `intake::check::expired_page`). Nothing of the
/// booking is opened for an expired form.
pub enum Manage {
    Opened(Box<Opened>),
    Expired(Lang, &'static str),
}

/// A request of the manage forms opens its booking as it is extracted:
/// language, form, rate limit, token (spent here), receipt, case and the
/// seat it holds. Each other refusal is an error page (a receipt that
/// opens no booking is a 404).
impl FromRequest<AppState> for Manage {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &AppState) -> Result<Manage, PageError> {
        let (mut parts, body) = request.into_parts();
        let lang = Lang::from_request_parts(&mut parts, state).await?;
        let ConnectInfo(peer) = ConnectInfo::<SocketAddr>::from_request_parts(&mut parts, state)
            .await
            .map_err(|_| PageError::internal("no peer address"))?;
        let client = state.client_net(peer, &parts.headers);
        let request = Request::from_parts(parts, body);
        let Form(raw) = Form::<RawManage>::from_request(request, state).await?;
        if !state.limits.allow_lookup(client).await {
            tracing::debug!("booking look-up over the rate limit");
            return Err(PageError::TooManyRequests);
        }
        let (db, key) = (&state.spent, &state.form_key);
        if let Some(notice) = take_form(db, key, MANAGE_SCOPE, &raw.token, Filled::AtOnce).await? {
            return Ok(Manage::Expired(lang, notice));
        }
        Ok(Manage::Opened(Box::new(open(state, lang, raw).await?)))
    }
}

/// The booking a receipt opens.
async fn open(state: &AppState, lang: Lang, raw: RawManage) -> Result<Opened, PageError> {
    let receipt = Receipt::parse(&raw.receipt).ok_or(PageError::NotFound)?;
    let key = receipt.client_key(&state.pepper)?;
    let case = find_by_lookup(&state.db, &key.lookup_hash)
        .await?
        .filter(|c| c.kind == "booking")
        .ok_or(PageError::NotFound)?;
    let booking = current_seat(state, &case, &key)
        .await?
        .ok_or(PageError::NotFound)?;
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
        .await?
        .filter(|b| b.service == case.service))
}
