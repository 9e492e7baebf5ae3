//! Daylight-saving changes in Europe/Helsinki, over real HTTP: weekly duty
//! hours published across the last Sunday of March and of October, booked
//! by clients on both sides (and on the day itself), and the times each
//! page shows: the booking page, the receipt, the client's own booking page
//! and the counsellor's day and week schedule.
//!
//! The dates are the next changes far enough ahead (2027-03-28 and
//! 2027-10-31 when written); `booking.window_days` lets clients see them.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::helpers::*;
use crate::schedule::{ANNA, book_slot};
use crate::staff_helpers::*;

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i16, month: i8) -> Date {
    let last = Date::new(year, month, 1).unwrap().last_of_month();
    let back = i64::from(last.weekday().to_sunday_zero_offset());
    last.checked_sub(back.days()).unwrap()
}

/// The next last Sunday of `month` at least eight days from today, so the
/// Sunday before it is still to come.
fn next_change(month: i8) -> Date {
    let today = jiff::Zoned::now().date();
    (today.year()..today.year() + 3)
        .map(|y| last_sunday(y, month))
        .find(|d| *d > today.checked_add(8.days()).unwrap())
        .unwrap()
}

/// "Sun 28 Mar 2027", as English pages write a day.
fn en_day(d: Date) -> String {
    format!("Sun {}", d.strftime("%-d %b %Y"))
}

/// Publishes Sunday duty hours 10:00–12:00 (hour-long slots) for three
/// weeks: the Sunday before `change`, the change itself, the Sunday after.
async fn publish_sundays(anna: &Staff, csrf: &str, change: Date) {
    let first = change.checked_sub(7.days()).unwrap().to_string();
    let published = anna
        .post(
            "/en/staff/availability/weekly",
            &[
                ("csrf", csrf),
                ("service", SERVICE),
                ("weekday", "7"),
                ("start", "10:00"),
                ("until", "12:00"),
                ("minutes", "60"),
                ("capacity", "1"),
                ("date", &first),
                ("weeks", "3"),
            ],
        )
        .await;
    assert_eq!(published.status, 303, "{}", published.body);
}

/// The id of the slot starting at `utc` (RFC 3339).
async fn slot_at(app: &TestApp, utc: &str) -> String {
    let at = utc.parse::<jiff::Timestamp>().unwrap().as_second();
    let pool = app.pool().await;
    let found: Option<(String,)> = sqlx::query_as("select id from slots where starts_at = $1")
        .bind(at)
        .fetch_optional(&pool)
        .await
        .unwrap();
    pool.close().await;
    found.unwrap_or_else(|| panic!("no slot starts at {utc}")).0
}

#[tokio::test]
async fn weekly_hours_across_both_dst_changes_keep_their_local_time_for_client_and_counsellor() {
    let mut app = spawn_with(Options {
        extra_top: "[booking]\nwindow_days = 500\n".into(),
        ..Options::default()
    })
    .await;
    let pw = app.with_staff(&[ANNA]).await;
    let anna = Staff::first_login(&app, "anna", &pw[0]).await;
    let csrf = anna.csrf().await;
    let spring = next_change(3);
    let autumn = next_change(10);
    publish_sundays(&anna, &csrf, spring).await;
    publish_sundays(&anna, &csrf, autumn).await;
    assert_eq!(app.count("select count(*) from slots").await, 12);

    // 10:00 in Helsinki is 08:00 UTC in winter (EET, +2) and 07:00 UTC in
    // summer (EEST, +3): the stored instants move, the local time does not.
    let week = 7.days();
    let sundays = [
        (spring.checked_sub(week).unwrap(), "08"),
        (spring, "07"),
        (spring.checked_add(week).unwrap(), "07"),
        (autumn.checked_sub(week).unwrap(), "07"),
        (autumn, "08"),
        (autumn.checked_add(week).unwrap(), "08"),
    ];
    let mut slots = Vec::new();
    for (day, utc_hour) in sundays {
        slots.push((
            day,
            slot_at(&app, &format!("{day}T{utc_hour}:00:00Z")).await,
        ));
    }

    // The client's booking page offers every one at 10:00–11:00 local.
    let (status, page) = app.get(&format!("/en/services/{SERVICE}/book")).await;
    assert_eq!(status, 200);
    for (day, _) in &slots {
        let shown = format!("{} 10:00–11:00", en_day(*day));
        assert!(
            page.contains(&shown),
            "{shown} missing from the booking page"
        );
        assert!(page.contains(&format!("{} 11:00–12:00", en_day(*day))));
    }

    // A client books each side of each change and the day itself; the
    // receipt shows the local time.
    let mut receipts = Vec::new();
    for (day, slot) in &slots {
        let (receipt, when) = book_slot(&app, slot, &[("call", "you_call")]).await;
        assert_eq!(when, format!("{} 10:00–11:00", en_day(*day)));
        receipts.push(receipt);
    }
    // With the receipt, the booking page shows the same time.
    for ((day, _), receipt) in slots.iter().zip(&receipts) {
        let (status, body) = app.manage("en", receipt).await;
        assert_eq!(status, 200);
        assert!(
            body.contains(&format!("{} 10:00–11:00", en_day(*day))),
            "{body}"
        );
    }

    // The counsellor's day views: each Sunday shows its booking at 10:00.
    for (day, _) in &slots {
        let page = anna.get(&format!("/en/staff/schedule?day={day}")).await;
        assert_eq!(page.status, 200);
        let shown = format!("{} 10:00–11:00", en_day(*day));
        assert!(page.body.contains(&shown), "{shown}: {}", page.body);
        assert!(!page.body.contains("09:00–10:00") && !page.body.contains("11:00–12:00"));
    }
    // The week that ends with each change holds the change-day booking,
    // at 10:00, and nothing of the week before.
    for change in [spring, autumn] {
        let monday = change.checked_sub(6.days()).unwrap();
        let page = anna
            .get(&format!("/en/staff/schedule?day={monday}&span=week"))
            .await;
        assert_eq!(page.status, 200);
        assert!(
            page.body
                .contains(&format!("{} 10:00–11:00", en_day(change)))
        );
        let before = en_day(change.checked_sub(7.days()).unwrap());
        assert!(!page.body.contains(&before), "{before} is in another week");
    }

    // Finnish pages write the same local time their way.
    let (_, fi) = app.get(&format!("/fi/services/{SERVICE}/book")).await;
    let spring_fi = format!("su {} 11.00–12.00", spring.strftime("%-d.%-m.%Y"));
    assert!(fi.contains(&spring_fi), "{spring_fi}");
}
