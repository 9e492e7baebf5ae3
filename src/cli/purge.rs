//! `suoja purge`: the retention purge `suoja serve` runs periodically, once
//! from the command line, or as a dry run that reports what would go, on
//! any day from today on ("what will be gone by then").

use jiff::civil::Date;

use crate::config::Config;
use crate::db::{Db, today};
use crate::serve::BoxError;

pub async fn run(config: &Config, dry_run: bool, as_of: Option<&str>) -> Result<(), BoxError> {
    let today = today();
    let as_of = match as_of {
        None => today,
        Some(text) => parse_day(text, today)?,
    };
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("database: {e}"))?;
    let catalog = crate::services::Services::open(&db, config)
        .await?
        .current();
    let report = crate::retention::run(&db, &catalog, as_of, dry_run).await;
    db.pool.close().await;
    print!("{}", report?);
    Ok(())
}

/// `--as-of`: a day in YYYY-MM-DD form, today or later. An earlier day
/// would report less than a purge today deletes.
fn parse_day(text: &str, today: Date) -> Result<Date, BoxError> {
    let day: Date = text
        .parse()
        .map_err(|_| format!("--as-of {text}: expected a day as YYYY-MM-DD"))?;
    if day < today {
        return Err(format!("--as-of {text}: the day must be today or later").into());
    }
    Ok(day)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    #[test]
    fn as_of_takes_today_or_a_later_day_only() {
        let today = date(2026, 11, 23);
        assert_eq!(
            super::parse_day("2026-12-07", today).ok(),
            Some(date(2026, 12, 7))
        );
        assert_eq!(super::parse_day("2026-11-23", today).ok(), Some(today));
        assert!(super::parse_day("2026-11-22", today).is_err());
        assert!(super::parse_day("7.12.2026", today).is_err());
    }
}
