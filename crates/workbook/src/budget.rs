//! A proposal's budget: rows of item, funding source, amount, one-time or recurring, and school
//! year, added up by source and by year. Amounts are read the way people type them ("$12,500",
//! "4 000", "1200.50"); one that cannot be read is named, never counted as zero unseen.

use std::collections::BTreeMap;

/// Whether a cost comes once or every year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Recurs {
    /// Paid once.
    OneTime,
    /// Paid again every year (licences, device refresh, staff time).
    Recurring,
}

/// One row of the budget, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line {
    pub item: String,
    pub source: String,
    pub amount: String,
    /// "one-time" or "recurring", as the row's choice holds it.
    pub kind: String,
    pub year: String,
}

/// The budget added up. Amounts are in cents, so sums are exact.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Every readable amount.
    pub total: i64,
    /// Per funding source (as first typed; "Not named" when blank).
    pub by_source: BTreeMap<String, i64>,
    /// Per school year (as typed, trimmed; "Not named" when blank).
    pub by_year: BTreeMap<String, i64>,
    /// One-time and recurring.
    pub by_kind: BTreeMap<Recurs, i64>,
    /// Rows (counted from 1) whose amount could not be read, with what was typed.
    pub unreadable: Vec<(usize, String)>,
}

/// Reads an amount as people type it: an optional currency sign, thousands separated by commas,
/// spaces or apostrophes, and up to two decimals. `None` when it is not an amount.
pub fn parse_amount(text: &str) -> Option<i64> {
    let t = text
        .trim()
        .trim_start_matches(['$', '\u{20ac}', '\u{a3}'])
        .trim();
    let t = t.strip_suffix("USD").unwrap_or(t).trim();
    if t.is_empty() {
        return None;
    }
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let cleaned: String = t
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\'' | '\u{a0}'))
        .collect();
    let (whole, cents) = match cleaned.split_once('.') {
        Some((w, c)) if !c.is_empty() && c.len() <= 2 && c.chars().all(|d| d.is_ascii_digit()) => (
            w,
            if c.len() == 1 {
                format!("{c}0")
            } else {
                c.to_string()
            },
        ),
        Some(_) => return None,
        None => (cleaned.as_str(), "00".to_string()),
    };
    if whole.is_empty() || !whole.chars().all(|d| d.is_ascii_digit()) || whole.len() > 12 {
        return None;
    }
    let value = whole.parse::<i64>().ok()? * 100 + cents.parse::<i64>().ok()?;
    Some(if negative { -value } else { value })
}

/// "$12,500" or "$1,200.50", from cents.
pub fn format_amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match cents % 100 {
        0 => format!("{sign}${grouped}"),
        c => format!("{sign}${grouped}.{c:02}"),
    }
}

fn named(text: &str) -> String {
    match text.trim() {
        "" => "Not named".to_string(),
        t => t.to_string(),
    }
}

/// Adds `cents` under `name`, grouped without regard to case or spaces around it, and shown as
/// first typed.
fn add(sums: &mut BTreeMap<String, i64>, name: &str, cents: i64) {
    let name = named(name);
    let key = sums
        .keys()
        .find(|k| k.eq_ignore_ascii_case(&name))
        .cloned()
        .unwrap_or(name);
    *sums.entry(key).or_default() += cents;
}

/// Adds up `lines`. Rows with nothing typed are left out; a row with an amount that cannot be
/// read is listed in `unreadable` and counted nowhere.
pub fn totals(lines: &[Line]) -> Totals {
    let mut totals = Totals::default();
    for (i, line) in lines.iter().enumerate() {
        if line.amount.trim().is_empty() {
            continue;
        }
        let Some(cents) = parse_amount(&line.amount) else {
            totals.unreadable.push((i + 1, line.amount.clone()));
            continue;
        };
        totals.total += cents;
        add(&mut totals.by_source, &line.source, cents);
        add(&mut totals.by_year, &line.year, cents);
        let kind = match line.kind.as_str() {
            "recurring" => Recurs::Recurring,
            _ => Recurs::OneTime,
        };
        *totals.by_kind.entry(kind).or_default() += cents;
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(source: &str, amount: &str, kind: &str, year: &str) -> Line {
        Line {
            item: "x".into(),
            source: source.into(),
            amount: amount.into(),
            kind: kind.into(),
            year: year.into(),
        }
    }

    #[test]
    fn amounts_are_read_as_people_type_them() {
        assert_eq!(parse_amount("$12,500"), Some(1_250_000));
        assert_eq!(parse_amount(" 4 000 "), Some(400_000));
        assert_eq!(parse_amount("1200.5"), Some(120_050));
        assert_eq!(parse_amount("$1,200.50"), Some(120_050));
        assert_eq!(parse_amount("-300"), Some(-30_000));
        for bad in [
            "",
            "twelve",
            "12.345",
            "1.2.3",
            "$",
            "12k",
            "1e6",
            "9999999999999",
        ] {
            assert_eq!(parse_amount(bad), None, "{bad:?}");
        }
        assert_eq!(format_amount(1_250_000), "$12,500");
        assert_eq!(format_amount(120_050), "$1,200.50");
        assert_eq!(format_amount(100_000_000), "$1,000,000");
        assert_eq!(format_amount(-5), "-$0.05");
    }

    #[test]
    fn totals_add_up_by_source_year_and_kind_and_name_what_they_cannot_read() {
        let t = totals(&[
            line("Title II", "$40,000", "recurring", "2027-28"),
            line("District", "12,500", "one-time", "2027-28"),
            line("Title II", "40000", "recurring", "2028-29"),
            line("", "", "", ""),
            line("Foundation", "about ten thousand", "one-time", "2027-28"),
            line(" district ", "$2,000.50", "", ""),
        ]);
        assert_eq!(t.total, 9_450_050);
        assert_eq!(t.by_source["Title II"], 8_000_000);
        assert_eq!(
            t.by_source["District"], 1_450_050,
            "one source, however it is spelled"
        );
        assert!(!t.by_source.contains_key("district"));
        assert_eq!(t.by_year["2027-28"], 5_250_000);
        assert_eq!(t.by_year["Not named"], 200_050);
        assert_eq!(t.by_kind[&Recurs::Recurring], 8_000_000);
        assert_eq!(t.by_kind[&Recurs::OneTime], 1_450_050);
        assert_eq!(t.unreadable, [(5, "about ten thousand".to_string())]);
        assert_eq!(totals(&[]), Totals::default());
    }
}
