//! A receipt page again, in the language the client switches to. The
//! receipt is shown once; its page's language links are POST forms that
//! carry it (never in a URL) to here, which shows the same receipt page in
//! the chosen language: a contact request's, or a booking's with its time
//! or group.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;

use super::check::expired_page;
use super::now_secs;
use super::store::find_by_lookup;
use super::views::ReceiptView;
use crate::abuse::{Filled, take_form};
use crate::app::AppState;
use crate::i18n::Lang;
use crate::seal::Receipt;
use crate::web::{Form, PageError, ReceiptSwitch, html};

/// Scope of the form token of a receipt page's language forms.
pub const SWITCH_SCOPE: &str = "receipt-language";

/// The language forms of a receipt page: the receipt and a fresh token.
pub fn receipt_switch(state: &AppState, receipt: &Receipt) -> ReceiptSwitch {
    ReceiptSwitch {
        receipt: receipt.to_string(),
        token: state.form_key.issue(SWITCH_SCOPE, now_secs()),
    }
}

/// No `Debug`, and wiped when dropped: it holds a receipt.
#[derive(Default, Deserialize)]
pub struct RawSwitch {
    #[serde(default)]
    pub receipt: String,
    #[serde(default)]
    pub token: String,
}

crate::seal::wipe_on_drop!(RawSwitch: receipt, token);

/// The receipt page of the case a receipt opens, in `lang`. Limited like a
/// look-up; a form sent again (Back, Reload) or too old shows the empty
/// receipt form, like every form that carries a receipt.
pub async fn show(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    lang: Lang,
    Form(raw): Form<RawSwitch>,
) -> Result<Response, PageError> {
    if !state
        .limits
        .allow_lookup(state.client_net(peer, &headers))
        .await
    {
        tracing::debug!("receipt page over the look-up rate limit");
        return Err(PageError::TooManyRequests);
    }
    let (db, key) = (&state.spent, &state.form_key);
    if let Some(notice) = take_form(db, key, SWITCH_SCOPE, &raw.token, Filled::AtOnce).await? {
        return Ok(expired_page(&state, lang, notice));
    }
    let receipt = Receipt::parse(&raw.receipt).ok_or(PageError::NotFound)?;
    let key = receipt.client_key(&state.pepper)?;
    let case = find_by_lookup(&state.db, &key.lookup_hash)
        .await?
        .ok_or(PageError::NotFound)?;
    let service = state
        .services
        .get(&case.service)
        .ok_or(PageError::NotFound)?;
    if case.kind == "booking"
        && let Some(page) =
            crate::booking::receipt_again(&state, lang, &service, &receipt, &case, &key).await?
    {
        return Ok(page);
    }
    let view = ReceiptView::new(&state, lang, &service, &receipt);
    Ok(html(StatusCode::OK, &view))
}
