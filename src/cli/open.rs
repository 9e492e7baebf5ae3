//! `suoja open`: offline reading. Every case's messages are tried with the
//! given identity; those it opens are printed. The server is not involved:
//! this is what an organisation does with its recovery identity, or a
//! counsellor with their own key file.

use std::path::Path;

use zeroize::Zeroizing;

use crate::config::Config;
use crate::db::Db;
use crate::intake::MessageDoc;
use crate::intake::store;
use crate::seal;
use crate::serve::BoxError;

/// The environment variable that names the database without a
/// configuration: the same name that overrides the configuration's
/// `database_url`.
const DATABASE_URL_VAR: &str = "SUOJA_DATABASE_URL";

/// The database to read: `SUOJA_DATABASE_URL` when set (an offline machine
/// need not hold the server's configuration), else the configuration's
/// `database_url`. Never an argument: any user of the machine can read a
/// command line, and a URL may hold a password.
pub fn database_url(config: &Path) -> Result<Zeroizing<String>, BoxError> {
    if let Some(url) = std::env::var_os(DATABASE_URL_VAR) {
        let url = url
            .into_string()
            .map_err(|_| format!("{DATABASE_URL_VAR} is not UTF-8"))?;
        return Ok(Zeroizing::new(url));
    }
    Ok(Zeroizing::new(
        Config::load(config, std::env::vars())?.database_url,
    ))
}

pub async fn run(identity_file: &Path, database_url: &str, json: bool) -> Result<(), BoxError> {
    let keys = seal::IdentityFile::read(identity_file)?;
    let identities = keys.as_identities();
    let db = Db::connect(database_url).await?;
    let cases = store::all_cases(&db).await?;
    let mut opened = Vec::new();
    for case in &cases {
        let docs = open_case(&db, &identities, case).await?;
        if !docs.is_empty() {
            opened.push((case, docs));
        }
    }
    // Newest first: the database orders cases by day only (no insertion
    // order is stored); the exact time is sealed in the first message.
    opened.sort_by(|(a, da), (b, db)| {
        let at = |docs: &[(String, MessageDoc)]| docs.first().map(|(_, d)| d.written_at.clone());
        (&b.opened_on, at(db)).cmp(&(&a.opened_on, at(da)))
    });
    for (case, docs) in &opened {
        if json {
            let line = serde_json::json!({
                "case": case.id, "service": case.service, "kind": case.kind,
                "status": case.status, "opened_on": case.opened_on,
                "messages": docs.iter().map(|(author, doc)| serde_json::json!({"author": author, "doc": doc})).collect::<Vec<_>>(),
            });
            println!("{line}");
        } else {
            print_case(case, docs);
        }
    }
    let opened = opened.len();
    eprintln!(
        "{opened} of {} cases opened with this identity",
        cases.len()
    );
    Ok(())
}

/// The messages of `case` that `identities` open, in thread order, with
/// their authors.
async fn open_case(
    db: &Db,
    identities: &[&dyn age::Identity],
    case: &store::CaseRow,
) -> Result<Vec<(String, MessageDoc)>, BoxError> {
    let mut docs = Vec::new();
    for m in store::messages(db, &case.id).await? {
        match seal::open_case_doc::<MessageDoc>(&m.sealed, identities, &case.id) {
            Ok(Some(doc)) => docs.push((m.author, doc)),
            Ok(None) => {}
            Err(seal::SealError::OtherCase) => eprintln!(
                "case {}: a message belongs to another case; skipped",
                case.id
            ),
            Err(e) => eprintln!("case {}: {e}", case.id),
        }
    }
    Ok(docs)
}

fn print_case(case: &store::CaseRow, docs: &[(String, MessageDoc)]) {
    println!(
        "case {}  service={} kind={} status={} opened={}",
        case.id, case.service, case.kind, case.status, case.opened_on
    );
    for (author, doc) in docs {
        println!("  {author} at {}", doc.written_at);
        if let Some(topic) = &doc.topic {
            println!("    topic: {topic}");
        }
        if let Some(name) = &doc.name {
            println!("    name: {name}");
        }
        if let Some(way) = &doc.contact {
            println!(
                "    contact: {}",
                serde_json::to_string(way).unwrap_or_default()
            );
        }
        for line in doc.text.lines() {
            println!("    | {line}");
        }
    }
    println!();
}
