//! Feedback from the chat's ended page. The chat's cookie and the client's
//! key are gone by then; the form carries a ticket that names the case
//! (sealed, `ticket`) and a single-use token bound to that ticket.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::views::FeedbackForm;
use super::{Rated, Recorded, Typed, record, store, ticket};
use crate::abuse::{Filled, take_form};
use crate::app::AppState;
use crate::i18n::{Lang, Tr};
use crate::web::{Form, PageError, html};

/// The token scope of the chat's feedback form: bound to its ticket.
fn scope(ticket: &str) -> String {
    format!("client-feedback-chat:{ticket}")
}

fn form(state: &AppState, lang: Lang, ticket: &str, typed: &Typed) -> FeedbackForm {
    let token = state
        .form_key
        .issue(&scope(ticket), crate::intake::now_secs());
    let hidden = vec![("ticket", ticket.to_owned()), ("token", token)];
    let action = format!("/{}/chat/feedback", lang.code());
    FeedbackForm::new(&Tr::new(lang), action, hidden, typed)
}

/// The form for the ended page of a chat of `case_id` (one a counsellor
/// took part in), with a fresh ticket.
pub fn ended_form(state: &AppState, lang: Lang, case_id: &str) -> Option<FeedbackForm> {
    let ticket = ticket::issue(&state.pepper, case_id, crate::db::today())?;
    Some(form(state, lang, &ticket, &Typed::default()))
}

/// No `Debug`: it holds the comment.
#[derive(Default, Deserialize)]
pub struct RawSend {
    #[serde(default)]
    ticket: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    rating: String,
    #[serde(default)]
    comment: String,
}

crate::seal::wipe_on_drop!(RawSend: ticket, token, rating, comment);

/// A page after the chat's feedback form: `paras`, the form again (or
/// none), and a comment that could not be taken, to copy.
fn page(
    lang: Lang,
    status: StatusCode,
    paras: &[&str],
    feedback: Option<FeedbackForm>,
    draft: String,
) -> Response {
    let t = Tr::new(lang);
    let paras = paras.iter().map(|p| t.t(p)).collect();
    // The page's heading is its title: an error is told by the summary
    // (`role="alert"`) at the top, not by an "Error:" in the heading.
    let mut view = crate::chat::notice_page(lang, "feedback-chat-title", paras);
    view.feedback = feedback;
    view.draft = draft;
    html(status, &view)
}

pub async fn send(
    State(state): State<AppState>,
    lang: Lang,
    Form(mut raw): Form<RawSend>,
) -> Result<Response, PageError> {
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let spent = take_form(
        &state.spent,
        &state.form_key,
        &scope(raw.ticket.trim()),
        &raw.token,
        Filled::ByHand,
    )
    .await?;
    let case_id = ticket::open(&state.pepper, raw.ticket.trim(), crate::db::today());
    let (Some(case_id), None) = (case_id, spent) else {
        // Sent again, too old, forged: the comment stays, to copy.
        let draft = std::mem::take(&mut raw.comment);
        return Ok(page(
            lang,
            unprocessable,
            &["feedback-expired"],
            None,
            draft,
        ));
    };
    let typed = Typed {
        rating: std::mem::take(&mut raw.rating),
        comment: std::mem::take(&mut raw.comment),
        errors: vec![],
    };
    let entry = match typed.parse() {
        Ok(entry) => entry,
        Err(errors) => {
            let typed = typed.with_errors(errors);
            let again = form(&state, lang, raw.ticket.trim(), &typed);
            return Ok(page(lang, unprocessable, &[], Some(again), String::new()));
        }
    };
    let Some((service, recipient)) = store::case(&state.db, &case_id).await? else {
        return Ok(page(
            lang,
            unprocessable,
            &["feedback-gone"],
            None,
            entry.comment,
        ));
    };
    let client = crate::seal::parse_recipient(&recipient)
        .ok_or_else(|| PageError::internal("a case's client recipient does not parse"))?;
    let case = Rated {
        case_id: &case_id,
        service: &service,
        client,
    };
    Ok(match record(&state, case, entry, lang).await? {
        Recorded::Done => page(
            lang,
            StatusCode::OK,
            &["feedback-thanks"],
            None,
            String::new(),
        ),
        Recorded::Already => page(
            lang,
            unprocessable,
            &["feedback-already"],
            None,
            String::new(),
        ),
        Recorded::Gone => page(lang, unprocessable, &["feedback-gone"], None, String::new()),
    })
}
