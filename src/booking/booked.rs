//! Page models of a booking once made: the receipt, shown once, and the
//! booking as its client sees it with the receipt. A time says when and
//! who calls whom; a group says which group and lists its meetings.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::form::Call;
use super::store::{self, GroupRow, Meeting, Target};
use super::views::{Day, group_name, meeting_lines};
use super::{seats, show_when};
use crate::app::AppState;
use crate::config::Service;
use crate::i18n::{Lang, Tr};
use crate::intake::store::CaseRow;
use crate::intake::{ContactWay, MessageDoc};
use crate::seal::{self, ClientKey, Receipt};
use crate::web::{Page, PageError, html};

/// What a client booked, for the receipt.
pub enum Booked {
    /// A time, with who calls whom.
    Time { when: String, call: Option<Call> },
    /// A place in a group, with its meetings.
    Group {
        group: GroupRow,
        meetings: Vec<Meeting>,
    },
}

#[derive(Template)]
#[template(path = "booking_receipt.html")]
pub struct BookedView {
    pub page: Page,
    pub receipt: String,
    pub service_name: String,
    pub description: String,
    /// The `lang` of the service's name and description when shown in a fallback.
    pub service_lang: Option<&'static str>,
    /// For a group: its name; `meetings` lists its meetings.
    pub group: Option<String>,
    pub meetings: Vec<String>,
    pub when: String,
    pub call_text: String,
    pub line_phone: Option<String>,
    pub check_href: String,
}

impl BookedView {
    pub fn new(
        state: &AppState,
        lang: Lang,
        service: &Service,
        receipt: &Receipt,
        booked: Booked,
    ) -> BookedView {
        let t = Tr::new(lang);
        let (title, group, meetings, when, call) = match &booked {
            Booked::Time { when, call } => (
                "booking-booked-title",
                None,
                vec![],
                when.clone(),
                call.as_ref(),
            ),
            Booked::Group { group, meetings } => (
                "booking-group-booked-title",
                Some(group_name(lang, group).to_owned()),
                meeting_lines(&t, service, meetings),
                String::new(),
                None,
            ),
        };
        let call_text = match call {
            Some(Call::WeCall(phone)) => t.t1("booking-we-call-you-at", "phone", phone),
            Some(Call::YouCall) => t.t("booking-you-call-us"),
            None => String::new(),
        };
        let mut page = Page::new(lang, title, &format!("services/{}/book", service.slug));
        // The receipt is shown once: the language links re-render this
        // page in a POST, never a link that would lose the receipt.
        page.receipt_switch = Some(crate::intake::receipt_switch(state, receipt));
        BookedView {
            page,
            receipt: receipt.to_string(),
            service_name: service.name_in(lang).to_owned(),
            description: service.description_in(lang).to_owned(),
            service_lang: service.text_mark(lang),
            group,
            meetings,
            when,
            call_text,
            line_phone: matches!(call, Some(Call::YouCall))
                .then(|| service.phone.clone())
                .flatten(),
            check_href: format!("/{}/check", lang.code()),
        }
    }
}

impl BookedView {
    /// The arguments of a group receipt's lead sentence.
    pub fn lead_args<'s>(&'s self, group: &'s str) -> [(&'static str, &'s str); 2] {
        [("group", group), ("service", &self.service_name)]
    }
}

#[derive(Template)]
#[template(path = "booking_manage.html")]
pub struct ManageView {
    pub page: Page,
    pub receipt: String,
    /// The token of the cancel and move forms, and of the form back to
    /// the thread (the receipt form's).
    pub token: String,
    pub check_token: String,
    pub service_name: String,
    pub when: String,
    /// For a group: its name, meetings and the service's description.
    pub group: Option<String>,
    pub meetings: Vec<String>,
    pub description: String,
    /// The `lang` of the service's name and description when shown in a fallback.
    pub service_lang: Option<&'static str>,
    pub state_text: String,
    pub current: bool,
    pub is_group: bool,
    pub line_phone: Option<String>,
    pub days: Vec<Day>,
    pub cancel_action: String,
    pub move_action: String,
    pub notice: Option<String>,
    pub error: Option<String>,
    /// The first time to choose, when the error is about the choice: the
    /// summary links there, into the group of radio buttons.
    pub error_anchor: Option<String>,
}

/// The receipt page of a booking case again, in `lang`, as the booking
/// stands now; none if the case holds no seat to show (then the plain
/// receipt page).
pub async fn receipt_again(
    state: &AppState,
    lang: Lang,
    service: &Service,
    receipt: &Receipt,
    case: &CaseRow,
    key: &ClientKey,
) -> Result<Option<Response>, PageError> {
    let Some(seat) = seats::client_seat(&state.db, &case.id, &key.identity).await? else {
        return Ok(None);
    };
    let Some(booking) = store::seat_by_id(&state.db, &seat)
        .await?
        .filter(|b| b.service == service.slug)
    else {
        return Ok(None);
    };
    let booked = match (&booking.target, booking.group) {
        (Target::Group(id), Some(group)) => Booked::Group {
            meetings: store::group_meetings(&state.db, id).await?,
            group,
        },
        _ => Booked::Time {
            when: show_when(&Tr::new(lang), service, booking.starts_at, booking.ends_at),
            call: first_call(state, case, key).await?,
        },
    };
    let view = BookedView::new(state, lang, service, receipt, booked);
    Ok(Some(html(StatusCode::OK, &view)))
}

/// Who calls whom, from the booking's sealed first message.
async fn first_call(
    state: &AppState,
    case: &CaseRow,
    key: &ClientKey,
) -> Result<Option<Call>, PageError> {
    let sealed = store::client_messages_newest_first(&state.db, &case.id).await?;
    let Some(first) = sealed.last() else {
        return Ok(None);
    };
    let keys = [&key.identity as &dyn age::Identity];
    let Some(doc) = seal::open_case_doc::<MessageDoc>(first, &keys, &case.id)? else {
        return Ok(None);
    };
    Ok(
        match (doc.booking.as_ref().map(|b| b.call.as_str()), &doc.contact) {
            (Some("we_call"), Some(ContactWay::Phone(phone))) => Some(Call::WeCall(phone.clone())),
            (Some("you_call"), _) => Some(Call::YouCall),
            _ => None,
        },
    )
}
