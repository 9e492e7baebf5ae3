//! The export: RFC 4180 CSV, UTF-8, a header row, one row per month and
//! per year of each line, with exactly what the page shows ("< 5", ranges)
//! and the least and greatest value each may stand for.

use std::fmt::Write;

use super::suppress::Shown;
use super::table::ServiceStats;

const HEADER: &str = "service,service_name,month,metric,category,label,count,at_least,at_most";

pub fn write(year: i32, services: &[ServiceStats]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(HEADER);
    out.push_str("\r\n");
    for s in services {
        for g in &s.groups {
            for line in &g.lines {
                let periods = line
                    .months
                    .iter()
                    .enumerate()
                    .map(|(m, shown)| (format!("{year:04}-{:02}", m + 1), shown))
                    .chain([(format!("{year:04}"), &line.year)]);
                for (period, shown) in periods {
                    row(&mut out, s, g.metric.as_str(), line, &period, *shown);
                }
            }
        }
    }
    out
}

fn row(
    out: &mut String,
    s: &ServiceStats,
    metric: &str,
    line: &super::table::Line,
    period: &str,
    shown: Shown,
) {
    let (low, high) = shown.bounds();
    let fields = [
        field(&s.slug),
        field(&s.name),
        field(period),
        field(metric),
        field(&line.category),
        field(&line.label),
        field(&shown.text()),
    ];
    let _ = write!(out, "{},{low},{high}\r\n", fields.join(","));
}

/// One field: quoted when it holds a comma, quote or line break; and a
/// text a spreadsheet would take for a formula (a name an admin typed)
/// starts with an apostrophe.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("-2,3"), "\"'-2,3\"");
        assert_eq!(field("< 5"), "< 5");
    }
}
