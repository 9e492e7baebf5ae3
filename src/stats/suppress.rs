//! Small counts never leave the server: a count from 1 to 4 is shown and
//! exported as "< 5", and no total lets one be worked out by subtraction.
//!
//! The method: a total is computed from the cells as they are shown, never
//! from the counts behind them. A total of exact cells (0 or at least 5) is
//! exact. A total with a hidden cell in it is shown as the range the shown
//! cells allow: each "< 5" adds 1 to its lower end and 4 to its upper end.
//! Whoever subtracts the shown cells from such a total gets back that same
//! range, 1–4 for each hidden cell: what "< 5" already said, nothing more.
//! Because a total is a function of what the page already shows, any
//! number of totals (a row's year, a group's month, a group's year) can be
//! shown side by side without adding to what can be worked out.
//!
//! Rounding totals was weighed and not chosen: with exact cells beside it a
//! rounded total can still pin a hidden count. Cells 5, 8 and 10 and a
//! hidden h make 23 + h; rounded to tens that is 20 for h = 1 and 30 for
//! h = 2, 3 or 4, so a total shown as 20 says h = 1 (docs/STATISTICS.md).
//! Only the counters hold exact small numbers, and only the database keeps
//! those.

/// Counts below this, other than 0, are not shown.
pub const THRESHOLD: i64 = 5;

/// A count or a total as it may leave the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// 0, or at least [`THRESHOLD`].
    Exact(i64),
    /// From 1 to 4: shown as "< 5".
    Small,
    /// A total with a hidden count in it: the sum of the shown cells' least
    /// and greatest possible values.
    Range { low: i64, high: i64 },
}

impl Shown {
    /// One counter as it may be shown.
    pub fn cell(count: i64) -> Shown {
        if (1..THRESHOLD).contains(&count) {
            Shown::Small
        } else {
            Shown::Exact(count.max(0))
        }
    }

    /// The sum of shown cells, from what they show alone: it takes
    /// `Shown`, never a raw count, so it cannot tell more than they do.
    pub fn sum<'a>(parts: impl IntoIterator<Item = &'a Shown>) -> Shown {
        let (low, high) = parts
            .into_iter()
            .map(|p| p.bounds())
            .fold((0, 0), |(l, h), (pl, ph)| (l + pl, h + ph));
        if low == high {
            Shown::Exact(low)
        } else if high < THRESHOLD {
            Shown::Small
        } else {
            Shown::Range { low, high }
        }
    }

    /// The least and the greatest value this may stand for.
    pub fn bounds(self) -> (i64, i64) {
        match self {
            Shown::Exact(n) => (n, n),
            Shown::Small => (1, THRESHOLD - 1),
            Shown::Range { low, high } => (low, high),
        }
    }

    /// As the page and the export show it: `12`, `< 5`, `62–65`.
    pub fn text(self) -> String {
        match self {
            Shown::Exact(n) => n.to_string(),
            Shown::Small => format!("< {THRESHOLD}"),
            Shown::Range { low, high } => format!("{low}–{high}"),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn counts_from_one_to_four_are_small_and_the_rest_exact() {
        assert_eq!(Shown::cell(0), Shown::Exact(0));
        for n in 1..=4 {
            assert_eq!(Shown::cell(n), Shown::Small);
            assert_eq!(Shown::cell(n).text(), "< 5");
        }
        assert_eq!(Shown::cell(5), Shown::Exact(5));
        assert_eq!(Shown::cell(1234).text(), "1234");
    }

    #[test]
    fn a_total_of_exact_cells_is_exact_and_one_with_a_hidden_cell_a_range() {
        let cells = [Shown::cell(5), Shown::cell(0), Shown::cell(12)];
        assert_eq!(Shown::sum(&cells), Shown::Exact(17));
        let cells = [Shown::cell(5), Shown::cell(3), Shown::cell(12)];
        assert_eq!(Shown::sum(&cells), Shown::Range { low: 18, high: 21 });
        assert_eq!(Shown::sum(&cells).text(), "18–21");
        // Only hidden cells, all small together: still "< 5".
        assert_eq!(Shown::sum(&[Shown::cell(2), Shown::cell(0)]), Shown::Small);
        assert_eq!(
            Shown::sum(&[Shown::cell(2), Shown::cell(1)]),
            Shown::Range { low: 2, high: 8 }
        );
    }

    /// Every way of filling hidden cells that the shown cells allow gives
    /// the same page: so the page cannot tell which one is true.
    #[test]
    fn no_total_depends_on_what_a_hidden_cell_holds() {
        let visible = [7, 0, 12, 5];
        for a in 1..=4 {
            for b in 1..=4 {
                let row = |h1: i64, h2: i64| {
                    let cells: Vec<Shown> = visible
                        .iter()
                        .copied()
                        .chain([h1, h2])
                        .map(Shown::cell)
                        .collect();
                    (cells.clone(), Shown::sum(&cells))
                };
                assert_eq!(row(a, b), row(1, 1));
            }
        }
    }
}
