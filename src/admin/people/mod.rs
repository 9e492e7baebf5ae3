//! People: an admin invites staff by a one-time link sent by e-mail,
//! changes roles, adds members to services, deactivates and reactivates
//! accounts, and resets passwords by a one-time link (or a one-time
//! password when there is no mail). Each change to a key set starts the
//! reseal jobs of the services it touches (`rotation::background`).
//!
//! A link's token is 256 bits from the OS RNG; only its SHA-256 hash is
//! stored. The token travels in the mail and the first GET; the page moves
//! it into a POST field, and it is never logged.

mod accept;
mod manage;
mod page;
pub mod store;
mod views;

use axum::Router;
use axum::routing::{get, post};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::app::AppState;
use crate::config::Config;
use crate::db::Db;
use crate::i18n::Lang;
use crate::notify::links::{self, LinkKind, LinkMailError};
use crate::seal::hex;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/staff/people", get(page::page))
        .route("/{lang}/staff/people/invite", post(page::invite))
        .route("/{lang}/staff/people/revoke", post(page::revoke))
        .route("/{lang}/staff/people/role", post(manage::role))
        .route("/{lang}/staff/people/service", post(manage::add_service))
        .route("/{lang}/staff/people/deactivate", post(manage::deactivate))
        .route("/{lang}/staff/people/reactivate", post(manage::reactivate))
        .route("/{lang}/staff/people/reset", post(manage::reset))
        .route(
            "/{lang}/staff/invite",
            get(accept::invite_form).post(accept::invite_accept),
        )
        .route(
            "/{lang}/staff/reset",
            get(accept::reset_form).post(accept::reset_finish),
        )
}

/// A link's secret: 64 hex digits, zeroized when dropped.
pub struct LinkToken(Zeroizing<String>);

impl LinkToken {
    pub fn generate() -> LinkToken {
        let mut bytes = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(&mut bytes[..]);
        LinkToken(Zeroizing::new(hex(&bytes[..])))
    }

    pub fn hash(&self) -> [u8; 32] {
        hash(&self.0)
    }

    /// The address the person opens: `public_url/{lang}/staff/{page}?token=…`.
    pub fn url(&self, config: &Config, lang: Lang, kind: LinkKind) -> String {
        let page = match kind {
            LinkKind::Invite => "invite",
            LinkKind::Reset => "reset",
        };
        format!(
            "{}/{}/staff/{page}?token={}",
            config.public_url.trim_end_matches('/'),
            lang.code(),
            self.0.as_str()
        )
    }
}

/// The stored form of a token as sent; anything but 64 hex digits hashes to
/// nothing stored.
pub fn hash(sent: &str) -> [u8; 32] {
    Sha256::digest(sent.trim().as_bytes()).into()
}

/// A valid invitation, before it is recorded.
pub struct Invite<'a> {
    pub email: &'a str,
    pub role: &'a str,
    pub services: &'a [String],
    pub lang: Lang,
    /// A staff id, or `cli`.
    pub by: &'a str,
}

/// How an invitation or reset link reached the person.
pub enum Delivered {
    /// Mailed through the configured SMTP server.
    Mailed,
    /// No SMTP is configured: the link, for the admin to pass on.
    Shown(String),
}

/// Records an invitation and mails its link (or, without SMTP, returns it).
/// A link whose mail failed is revoked at once, so no unsent link works.
pub async fn send_invite(
    config: &Config,
    db: &Db,
    invite: &Invite<'_>,
) -> Result<Delivered, InviteError> {
    let token = LinkToken::generate();
    let expires_at = links::hours_from_now(config.staff.invite_hours);
    let id = store::create_invite(
        db,
        &store::NewInvite {
            token_hash: token.hash(),
            expires_at,
            created_by: invite.by,
            email: invite.email,
            role: invite.role,
            services: invite.services,
        },
    )
    .await?;
    let url = token.url(config, invite.lang, LinkKind::Invite);
    let Some(smtp) = &config.smtp else {
        return Ok(Delivered::Shown(url));
    };
    match links::send(smtp, invite.email, LinkKind::Invite, &url, expires_at).await {
        Ok(()) => {
            tracing::info!(link = %id, "invitation mailed");
            Ok(Delivered::Mailed)
        }
        Err(e) => {
            tracing::warn!(link = %id, error = %e, "invitation not mailed; revoked");
            store::revoke_invite(db, &id, invite.by).await?;
            Err(InviteError::Mail(e))
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("mail: {0}")]
    Mail(LinkMailError),
}
