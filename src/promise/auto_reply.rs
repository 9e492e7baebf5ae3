//! A service's automatic first reply to a written contact request, sealed
//! exactly as a counsellor's reply is (to the service's keys and the
//! client's, with the service's MAC), but stored as the service's own
//! (`auto`): it leaves the case new, is not its first reply in the
//! statistics, and marks nothing unread.

use crate::app::AppState;
use crate::booking::line::Audience;
use crate::config::Service;
use crate::i18n::Lang;
use crate::i18n::Tr;
use crate::intake::MessageDoc;
use crate::intake::store::{AutoReply, NewCase};
use crate::intake::views::{ShownMessage, ThreadMessage, message_for};
use crate::queue::store::Author;
use crate::seal::{Place, SenderKey};
use crate::web::PageError;

/// The service's automatic reply to `case`, sealed, for a client writing
/// from a page in `lang`; none when the service has none in that language
/// or its fallback. The document notes the language it is written in, so
/// a fallback is shown with its own `lang`.
pub(crate) async fn seal(
    state: &AppState,
    service: &Service,
    lang: Lang,
    case: &NewCase,
) -> Result<Option<AutoReply>, PageError> {
    let Some((written_in, text)) = service.auto_reply_for(lang) else {
        return Ok(None);
    };
    let keys = state.service_keys(&service.slug)?;
    let client = case
        .client_recipient
        .parse()
        .map_err(|_| PageError::internal("new client recipient does not parse"))?;
    let mut doc = MessageDoc::follow_up(&case.id, &service.slug, None, text.to_owned())
        .written_from(written_in);
    let message_id = crate::db::new_id();
    let place = Place {
        case: &case.id,
        message: &message_id,
        author: Author::Auto.as_str(),
    };
    SenderKey::new(&state.pepper)
        .sign(place, &mut doc)
        .map_err(PageError::internal)?;
    let sealed = state.seal(&keys.envelope.with(client), &doc).await?;
    Ok(Some(AutoReply { message_id, sealed }))
}

/// An automatic reply as the client's page shows it: from the service, not
/// a named counsellor, marked with its language when the page is in
/// another.
pub fn shown(t: &Tr, service: Option<&Service>, m: ThreadMessage) -> ShownMessage {
    let written_in = m.doc.written_in();
    let who = t.t("promise-thread-auto");
    let mut shown = message_for(t, service, Audience::Client, who, &m.day, m.doc);
    shown.text_lang = text_lang(t.lang, written_in);
    shown
}

/// The `lang` a text written in `written_in` needs on a page in `page`.
pub fn text_lang(page: Lang, written_in: Option<Lang>) -> Option<&'static str> {
    let shown = written_in?.html_lang();
    (shown != page.html_lang()).then_some(shown)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::config::{AUTO_REPLY_CHARS, auto_reply_fits};
    use crate::i18n::Lang;
    use crate::intake::MessageDoc;
    use crate::queue::store::Author;
    use crate::seal::{PAD_BUCKETS, Pepper, Place, SenderKey, pad};

    /// The longest reply the form takes, in a two-byte script with line
    /// breaks, sealed as `seal` seals it: the smallest padding size, so
    /// the size of an automatic reply tells no language.
    #[test]
    fn the_longest_reply_in_any_script_seals_at_the_smallest_size() {
        let arabic: String = "شكراً\n".chars().cycle().take(AUTO_REPLY_CHARS).collect();
        assert!(auto_reply_fits(&arabic));
        let case = "0123456789abcdef0123456789abcdef";
        let mut doc = MessageDoc::follow_up(case, "a-service-with-a-long-slug", None, arabic)
            .written_from(Lang::Ckb);
        let place = Place {
            case,
            message: "fedcba9876543210fedcba9876543210",
            author: Author::Auto.as_str(),
        };
        SenderKey::new(&Pepper::for_tests())
            .sign(place, &mut doc)
            .unwrap();
        let json = serde_json::to_vec(&doc).unwrap();
        assert_eq!(pad(&json).len(), PAD_BUCKETS[0], "{} bytes", json.len());
        // Past the limits: too many characters, or too many bytes (emoji).
        assert!(!auto_reply_fits(&"x".repeat(AUTO_REPLY_CHARS + 1)));
        assert!(!auto_reply_fits(&"🙂".repeat(AUTO_REPLY_CHARS)));
    }
}
