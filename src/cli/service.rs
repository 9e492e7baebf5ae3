//! `suoja service list|create|edit|retire|restore`: the services, from the
//! command line, with the web form's rules (`services::draft`). Changes are
//! audited as made by `cli`; running instances see them within the reload
//! interval.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::config::Config;
use crate::db::Db;
use crate::i18n::Lang;
use crate::seal::read_recipients_file;
use crate::serve::BoxError;
use crate::services::draft::{ANSWER_FIELDS, DESCRIPTION_FIELDS, Draft, NAME_FIELDS};
use crate::services::{Services, store};
use crate::staff::store as staff_store;

#[derive(Subcommand)]
pub enum ServiceAction {
    /// List every service: slug, state, name, keys, retention, time zone.
    List,
    /// Create a service.
    Create {
        #[arg(long)]
        slug: String,
        #[command(flatten)]
        fields: Fields,
    },
    /// Change a service: only the options given change. Its slug is fixed.
    Edit {
        #[arg(long)]
        slug: String,
        #[command(flatten)]
        fields: Fields,
    },
    /// Hide a service from clients; its cases stay until retention ends.
    Retire {
        #[arg(long)]
        slug: String,
    },
    /// Open a retired service to clients again.
    Restore {
        #[arg(long)]
        slug: String,
    },
}

/// What a service is, as options; on `edit`, an option left out keeps what
/// is stored.
#[derive(Args)]
pub struct Fields {
    #[arg(long)]
    name_fi: Option<String>,
    #[arg(long)]
    name_sv: Option<String>,
    #[arg(long)]
    name_en: Option<String>,
    #[arg(long)]
    description_fi: Option<String>,
    #[arg(long)]
    description_sv: Option<String>,
    #[arg(long)]
    description_en: Option<String>,
    /// A common topic id (`general`), or `id|Finnish|Swedish|English`;
    /// repeat for several. Given on `edit`, the list is replaced.
    #[arg(long = "topic")]
    topics: Vec<String>,
    /// An IANA time zone, e.g. Europe/Helsinki.
    #[arg(long)]
    time_zone: Option<String>,
    /// Days every case is kept after its last activity.
    #[arg(long)]
    retention_days: Option<String>,
    /// Days a closed case is kept.
    #[arg(long)]
    closed_retention_days: Option<String>,
    /// The line's number; an empty value removes it.
    #[arg(long)]
    phone: Option<String>,
    /// The name in another client language, `LANG=TEXT` (LANG one of
    /// fi-selko, sv-lattlast, ar, fa, ckb, so, uk, ru); repeat for several.
    /// An empty TEXT removes it.
    #[arg(long = "name")]
    names: Vec<String>,
    /// The description in another client language, as --name.
    #[arg(long = "description")]
    descriptions: Vec<String>,
    /// The languages the service answers in, e.g. "fi sv en ar"; replaces
    /// the list.
    #[arg(long)]
    answers_in: Option<String>,
    /// An age recipient (age1…); repeat for several.
    #[arg(long = "recipient")]
    recipients: Vec<String>,
    /// An age recipients file, as `age -R` reads it; repeat for several.
    /// With --recipient, all are used. Given on `edit`, the set is replaced.
    #[arg(long = "recipients-file")]
    recipients_files: Vec<PathBuf>,
}

pub async fn run(config: &Config, action: ServiceAction) -> Result<(), BoxError> {
    let db = Db::connect(&config.database_url).await?;
    let services = Services::open(&db, config).await?;
    let has_recovery = config.recovery_recipient.is_some();
    let outcome = match action {
        ServiceAction::List => {
            list(&services);
            Ok(())
        }
        ServiceAction::Create { slug, fields } => {
            let draft = fields.over(Draft {
                slug,
                ..Draft::blank()
            })?;
            let service = parse(&draft, has_recovery)?;
            if !store::insert(&db, &service, None).await? {
                return Err(format!("a service `{}` exists already", service.slug).into());
            }
            staff_store::audit_now(&db, "cli", "service_created", Some(&service.slug), None)
                .await?;
            println!("created {}", service.slug);
            Ok(())
        }
        ServiceAction::Edit { slug, fields } => {
            edit(&db, &services, &slug, fields, has_recovery).await
        }
        ServiceAction::Retire { slug } => set_retired(&db, &slug, true).await,
        ServiceAction::Restore { slug } => set_retired(&db, &slug, false).await,
    };
    db.pool.close().await;
    outcome
}

fn list(services: &Services) {
    for s in services.current().iter() {
        println!(
            "{}\t{}\t{}\t{} recipients\t{}/{} days\t{}",
            s.slug,
            if s.retired { "retired" } else { "open" },
            s.name.en,
            s.recipients.len(),
            s.retention.days,
            s.retention.closed_days,
            s.time_zone.iana_name().unwrap_or("UTC"),
        );
    }
}

async fn edit(
    db: &Db,
    services: &Services,
    slug: &str,
    fields: Fields,
    has_recovery: bool,
) -> Result<(), BoxError> {
    let old = services
        .get(slug)
        .ok_or_else(|| format!("no service `{slug}` (see `suoja service list`)"))?;
    let new_keys = !fields.recipients.is_empty() || !fields.recipients_files.is_empty();
    let mut service = parse(&fields.over(Draft::of(&old))?, has_recovery)?;
    service.retired = old.retired;
    store::update(db, &service).await?;
    staff_store::audit_now(db, "cli", "service_updated", Some(slug), None).await?;
    println!("updated {slug}");
    if new_keys {
        println!(
            "{slug}: new items are sealed to the new recipients; run `suoja rotate --service \
             {slug} --identity FILE` to reseal the earlier ones"
        );
    }
    Ok(())
}

async fn set_retired(db: &Db, slug: &str, retired: bool) -> Result<(), BoxError> {
    let (action, word) = if retired {
        ("service_retired", "retired")
    } else {
        ("service_restored", "open")
    };
    if !store::set_retired(db, slug, retired).await? {
        return Err(format!("no service `{slug}`, or it is {word} already").into());
    }
    staff_store::audit_now(db, "cli", action, Some(slug), None).await?;
    println!("{slug}: {word}");
    Ok(())
}

/// The draft's service, or every problem in one error, naming the options.
fn parse(draft: &Draft, has_recovery: bool) -> Result<crate::config::Service, BoxError> {
    draft.parse(has_recovery).map_err(|problems| {
        problems
            .iter()
            .map(|p| format!("--{}: {}", p.field.replace('_', "-"), p.text(Lang::En)))
            .collect::<Vec<_>>()
            .join("\n")
            .into()
    })
}

impl Fields {
    /// `draft` with the options given laid over it.
    fn over(self, mut d: Draft) -> Result<Draft, BoxError> {
        let set = |field: &mut String, value: Option<String>| {
            if let Some(v) = value {
                *field = v;
            }
        };
        set(&mut d.name_fi, self.name_fi);
        set(&mut d.name_sv, self.name_sv);
        set(&mut d.name_en, self.name_en);
        set(&mut d.description_fi, self.description_fi);
        set(&mut d.description_sv, self.description_sv);
        set(&mut d.description_en, self.description_en);
        set(&mut d.time_zone, self.time_zone);
        set(&mut d.retention_days, self.retention_days);
        set(&mut d.closed_retention_days, self.closed_retention_days);
        set(&mut d.phone, self.phone);
        if !self.topics.is_empty() {
            d.topics = self.topics.join("\n");
        }
        for (option, values, fields) in [
            ("name", &self.names, NAME_FIELDS),
            ("description", &self.descriptions, DESCRIPTION_FIELDS),
        ] {
            for value in values {
                let (field, text) = translated_field(option, value, fields)?;
                d.more.insert(field.to_owned(), text.to_owned());
            }
        }
        if let Some(list) = self.answers_in {
            d.more
                .retain(|field, _| !ANSWER_FIELDS.contains(&field.as_str()));
            for code in list.split([' ', ',']).filter(|c| !c.is_empty()) {
                let at = Lang::SPOKEN.iter().position(|l| l.code() == code);
                let at = at.ok_or_else(|| {
                    let known: Vec<&str> = Lang::SPOKEN.iter().map(|l| l.code()).collect();
                    format!("--answers-in: `{code}` is not one of {}", known.join(" "))
                })?;
                d.more
                    .insert(ANSWER_FIELDS[at].to_owned(), "yes".to_owned());
            }
        }
        if !self.recipients.is_empty() || !self.recipients_files.is_empty() {
            let mut lines = self.recipients;
            for path in &self.recipients_files {
                let found = read_recipients_file(path)?;
                lines.extend(found.iter().map(ToString::to_string));
            }
            d.recipients = lines.join("\n");
        }
        Ok(d)
    }
}

/// `LANG=TEXT` of `--name` or `--description`: the draft's field for LANG
/// (one of [`Lang::TRANSLATED`]) and the text.
fn translated_field<'v>(
    option: &str,
    value: &'v str,
    fields: [&'static str; 8],
) -> Result<(&'static str, &'v str), BoxError> {
    let known = || {
        let codes: Vec<&str> = Lang::TRANSLATED.iter().map(|l| l.code()).collect();
        codes.join(" ")
    };
    let Some((code, text)) = value.split_once('=') else {
        return Err(format!("--{option}: give LANG=TEXT, LANG one of {}", known()).into());
    };
    let at = Lang::TRANSLATED.iter().position(|l| l.code() == code);
    match at {
        Some(at) => Ok((fields[at], text)),
        None => Err(format!("--{option}: `{code}` is not one of {}", known()).into()),
    }
}
