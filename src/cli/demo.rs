//! `suoja demo`: a local instance with demo services modelled on Finnish
//! support organisations, a demo counsellor identity, and SQLite, in one
//! folder. Nothing here is for production: the identity sits beside the data.

use std::path::Path;

use crate::config::Config;
use crate::serve::BoxError;

pub async fn run(dir: &Path, listen: &str) -> Result<(), BoxError> {
    std::fs::create_dir_all(dir)?;
    let identity = dir.join("counsellor-identity.txt");
    let recipients = dir.join("counsellors.txt");
    if !identity.exists() {
        let recipient = super::keygen(&identity)?;
        std::fs::write(&recipients, format!("# demo counsellor\n{recipient}\n"))?;
    }
    let config_path = dir.join("suoja.toml");
    let config_text = DEMO_CONFIG
        .replace("@LISTEN@", listen)
        .replace("@DIR@", &dir.display().to_string())
        .replace("@RECIPIENTS@", &recipients.display().to_string());
    std::fs::write(&config_path, config_text)?;
    let config = Config::load(&config_path, std::env::vars())?;
    let login = demo_counsellor(&config, dir).await?;
    let published = super::demo_times::publish(&config).await?;
    let chat = open_demo_chat(&config).await?;
    println!("suoja demo");
    println!("  config:                     {}", config_path.display());
    println!("  demo counsellor identity:   {}", identity.display());
    println!(
        "  read requests offline with: {} open --identity {} --config {}",
        this_program(),
        identity.display(),
        config_path.display()
    );
    println!("  demo counsellor login:      {login}");
    if published > 0 {
        println!("  published demo times and groups for {published} services");
    }
    if let Some(slug) = chat {
        println!(
            "  live chat of `{slug}` open all week: go on duty at http://{listen}/en/staff/chat"
        );
    }
    crate::serve::serve(config).await
}

/// Chat hours all week, all day, for the first demo service, unless they
/// were set already (an admin may have changed them); the service's slug.
async fn open_demo_chat(config: &Config) -> Result<Option<String>, BoxError> {
    let Some(service) = config.services.first() else {
        return Ok(None);
    };
    let db = crate::db::Db::connect(&config.database_url).await?;
    let hours = (1..=7)
        .map(|d| format!("{d} 00:00 24:00"))
        .collect::<Vec<_>>()
        .join(";");
    sqlx::query(
        "insert into chat_settings (service, hours) values ($1, $2) on conflict do nothing",
    )
    .bind(&service.slug)
    .bind(hours)
    .execute(&db.pool)
    .await?;
    db.pool.close().await;
    Ok(Some(service.slug.clone()))
}

/// This program as a command to type: its path from the current folder
/// when it is under it (after `cargo run`, `suoja` is not on the path),
/// else its full path.
fn this_program() -> String {
    let Ok(exe) = std::env::current_exe() else {
        return "suoja".to_owned();
    };
    let here = std::env::current_dir().ok();
    match here.as_deref().and_then(|here| exe.strip_prefix(here).ok()) {
        Some(relative) => format!("./{}", relative.display()),
        None => exe.display().to_string(),
    }
}

/// Creates the demo counsellor account, a member of every demo service, the
/// first time; its one-time password is kept beside the demo data until
/// it is changed at the first login, then the file is removed and no
/// longer mentioned.
async fn demo_counsellor(config: &Config, dir: &Path) -> Result<String, BoxError> {
    use secrecy::ExposeSecret;
    let password_file = dir.join("counsellor-password.txt");
    let db = crate::db::Db::connect(&config.database_url).await?;
    let existing = crate::staff::store::by_username(&db, "demo").await?;
    if existing.as_ref().is_some_and(|s| !s.must_change_password) {
        db.pool.close().await;
        if password_file.exists() {
            std::fs::remove_file(&password_file)?;
        }
        return Ok("user `demo`, with the password chosen at the first login".to_owned());
    }
    if existing.is_none() {
        let added = super::staff::add(
            config,
            &db,
            &super::staff::AddStaff {
                username: "demo".into(),
                name: "Demo Counsellor".into(),
                email: None,
                role: "counsellor".into(),
                services: config.services.iter().map(|s| s.slug.clone()).collect(),
            },
        )
        .await?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&password_file)?;
        std::io::Write::write_all(
            &mut file,
            format!("{}\n", added.password.secret().expose_secret()).as_bytes(),
        )?;
    }
    db.pool.close().await;
    Ok(format!(
        "user `demo`, first password in {} (you choose a new one at first login)",
        password_file.display()
    ))
}

const DEMO_CONFIG: &str = r#"# Written by `suoja demo`; rewritten at every demo start.
listen = "@LISTEN@"
database_url = "sqlite://@DIR@/suoja.db"
pepper_file = "@DIR@/pepper"

[[services]]
slug = "prevention-line"
recipients = ["@RECIPIENTS@"]
topics = ["general", "crisis", "relatives"]
[services.name]
fi = "Ennaltaehkäisevä tukilinja"
sv = "Förebyggande stödlinjen"
en = "Prevention support line"
[services.description]
fi = "Jos olet huolissasi omista seksuaalisista ajatuksistasi lapsia kohtaan, voit kertoa siitä meille nimettömästi ja ilman tuomitsemista, ennen kuin kukaan vahingoittuu. Puhelinlinja on auki tiistaisin klo 10–12."
sv = "Om du är orolig för dina egna sexuella tankar om barn kan du berätta om det för oss anonymt och utan att bli dömd, innan någon skadas. Telefonlinjen är öppen tisdagar kl. 10–12."
en = "If you are worried about your own sexual thoughts about children, you can tell us anonymously and without judgement, before anyone is harmed. The phone line is open on Tuesdays 10–12."

[[services]]
slug = "rainbow-staff"
recipients = ["@RECIPIENTS@"]
topics = ["general", "sexuality", "gender", "relationships"]
[services.name]
fi = "Sateenkaariyhdistyksen työntekijät"
sv = "Regnbågsföreningens medarbetare"
en = "Rainbow association staff"
[services.description]
fi = "Voit aina kysyä työntekijöiltämme henkilökohtaisista asioista. Kutsumme sinua nimellä, jonka itse valitset, ja luottamuksellisuus on meille sääntö."
sv = "Du kan alltid fråga våra medarbetare om personliga saker. Vi kallar dig vid det namn du själv väljer, och konfidentialitet är en regel hos oss."
en = "You can always ask our staff about personal matters. We call you by the name you choose, and confidentiality is a rule for us."

[[services]]
slug = "recovery-community"
recipients = ["@RECIPIENTS@"]
topics = ["mental-health", "general"]
[services.name]
fi = "Toipumisyhteisön palveluohjaus"
sv = "Återhämtningsgemenskapens servicehandledning"
en = "Recovery community service guidance"
[services.description]
fi = "Matalan kynnyksen tukea mielenterveyden toipumiseen. Autamme löytämään sinulle sopivat palvelut."
sv = "Lågtröskelstöd för återhämtning inom psykisk hälsa. Vi hjälper dig att hitta tjänster som passar dig."
en = "Low-threshold support for recovery in mental health. We help you find the services that suit you."

[[services]]
slug = "home-network-helsinki"
recipients = ["@RECIPIENTS@"]
topics = ["guest", "host", "housing"]
[services.name]
fi = "Kotimajoitusverkosto, Helsingin paikallisryhmä"
sv = "Hemloginätverket, lokalgruppen i Helsingfors"
en = "Home accommodation network, Helsinki group"
[services.description]
fi = "Vapaaehtoiset etsivät turvapaikanhakijoille kotimajoitusta. Haastattelemme majoittajat ja majoitettavat; yksityisyys on luottamuksen ehto."
sv = "Frivilliga söker hemlogi åt asylsökande. Vi intervjuar värdar och gäster; integritet är en förutsättning för förtroende."
en = "Volunteers find home accommodation for asylum seekers. We interview hosts and guests; privacy is a condition of trust."

[[services]]
slug = "home-network-tampere"
recipients = ["@RECIPIENTS@"]
topics = ["guest", "host", "housing"]
[services.name]
fi = "Kotimajoitusverkosto, Tampereen paikallisryhmä"
sv = "Hemloginätverket, lokalgruppen i Tammerfors"
en = "Home accommodation network, Tampere group"
[services.description]
fi = "Tampereen seudun vapaaehtoiset etsivät turvapaikanhakijoille kotimajoitusta."
sv = "Frivilliga i Tammerforsregionen söker hemlogi åt asylsökande."
en = "Volunteers in the Tampere region find home accommodation for asylum seekers."
"#;
