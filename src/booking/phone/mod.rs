//! Phone intake: during duty hours (a weekly duty-hours slot of the service
//! running, or ended at most `booking.phone_grace_minutes` ago) a
//! counsellor records a call as a case on
//! the caller's behalf. It is sealed like any contact request (to the
//! service's keys and a client key derived from a fresh receipt), stored as
//! kind `phone`, and the receipt is shown once on the answer page, to be
//! read to the caller so they can continue in writing. The receipt is
//! never logged or stored; only its look-up hash is.

mod form;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::book::rfc3339;
use super::{store, time};
use crate::app::AppState;
use crate::intake::MessageDoc;
use crate::intake::new_case::open_case;
use crate::seal::Receipt;
use crate::staff::store::audit_client_act;
use crate::staff::views::StaffPage;
use crate::staff::{StaffForm, StaffSession};
use crate::web::{PageError, html};
use form::{PhoneCall, PhoneView, RawPhone};

#[derive(Template)]
#[template(path = "staff_phone_receipt.html")]
pub struct PhoneReceiptView {
    pub page: StaffPage,
    pub receipt: String,
    pub service: String,
    pub case_href: String,
    pub again_href: String,
}

pub async fn page(
    State(state): State<AppState>,
    session: StaffSession,
) -> Result<Response, PageError> {
    let on_duty = on_duty(&state, &session).await?;
    let view = PhoneView::new(&state, &session, RawPhone::default(), vec![], on_duty);
    Ok(html(StatusCode::OK, &view))
}

/// The reader's services whose weekly duty hours run now (or ended within
/// `booking.phone_grace_minutes`): only these take calls.
async fn on_duty(state: &AppState, session: &StaffSession) -> Result<Vec<String>, PageError> {
    let now = time::now_unix();
    let grace = state.config.booking.phone_grace_minutes * 60;
    let mut out = Vec::new();
    for slug in &session.services {
        if store::on_duty(&state.db, slug, now, grace).await? {
            out.push(slug.clone());
        }
    }
    Ok(out)
}

pub async fn submit(
    State(state): State<AppState>,
    StaffForm { session, form: raw }: StaffForm<RawPhone>,
) -> Result<Response, PageError> {
    let on_duty = on_duty(&state, &session).await?;
    let errors = match PhoneCall::parse(&state, &session, &raw) {
        Ok(call) if on_duty.contains(&call.service.slug) => {
            return answer(&state, &session, call).await;
        }
        // Outside duty hours: refused, with everything typed kept.
        Ok(_) => vec![form::off_duty()],
        Err(errors) => errors,
    };
    let view = PhoneView::new(&state, &session, raw, errors, on_duty);
    Ok(html(StatusCode::UNPROCESSABLE_ENTITY, &view))
}

/// Records the call and shows its receipt, to be read to the caller.
async fn answer(
    state: &AppState,
    session: &StaffSession,
    call: PhoneCall,
) -> Result<Response, PageError> {
    let lang = session.lang;
    let service = call.service.name_in(lang).to_owned();
    let (receipt, case_id) = accept(state, session, call).await?;
    let view = PhoneReceiptView {
        page: StaffPage::titled(lang, "phone-receipt-title", "staff/phone", Some(session)),
        receipt: receipt.to_string(),
        service,
        case_href: format!("/{}/staff/cases/{case_id}", lang.code()),
        again_href: format!("/{}/staff/phone", lang.code()),
    };
    Ok(html(StatusCode::OK, &view))
}

/// Opens the call as a case like any contact request, the receipt only once
/// the case is durable. The audit row is about the caller's act too, so it
/// is written in a transaction of its own, after the case's: if it fails
/// the case still exists, and the caller still gets their receipt. It
/// holds the day and no case id (`audit_client_act`).
async fn accept(
    state: &AppState,
    session: &StaffSession,
    mut call: PhoneCall,
) -> Result<(Receipt, String), PageError> {
    let service = call.service.clone();
    let first = |case: &str| MessageDoc {
        v: crate::intake::DOC_VERSION,
        case: case.to_owned(),
        service: service.slug.clone(),
        written_at: rfc3339(time::now_unix()),
        topic: call.topic.take(),
        name: call.name.take(),
        contact: None,
        staff: Some(session.staff.display_name.clone()),
        booking: None,
        seat: None,
        lang: call.lang.map(|l| l.code().to_owned()),
        interpreter: call.interpreter,
        feedback: None,
        handed: None,
        text: std::mem::take(&mut call.text),
        mac: None,
    };
    let (receipt, case_id) = open_case(state, &service, "phone", first).await?;
    state.stats.count(
        &service.slug,
        crate::stats::Metric::Calls,
        crate::stats::ALL,
    );
    let staff = &session.staff.id;
    let audited = audit_client_act(&state.db, staff, "phone_intake", Some(&service.slug)).await;
    if let Err(e) = audited {
        // Logged once with an error id, like any internal error; the
        // caller's receipt does not wait on it.
        let _logged = PageError::from(e);
    }
    Ok((receipt, case_id))
}
