//! File names that say what is inside and are safe on Windows, macOS and Linux.

use crate::Format;
use crossroads_workbook::Draft;

/// The longest part a school or title contributes to a file name.
const MAX_PART: usize = 48;

/// `school-title-date.ext`, for example `lincoln-elementary-learning-studios-2026-11-23.html`.
///
/// Only lowercase ASCII letters, digits and hyphens are used, so the name is valid everywhere;
/// accented Latin letters lose their accents, and other characters separate words.
pub fn file_name(draft: &Draft, format: Format, date: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for text in [draft.school(), draft.title.trim()] {
        let slug = slug(text);
        if !slug.is_empty() && !parts.contains(&slug) {
            parts.push(slug);
        }
    }
    if parts.is_empty() {
        parts.push("proposal".to_string());
    }
    let date = slug(date);
    if !date.is_empty() {
        parts.push(date);
    }
    format!("{}.{}", parts.join("-"), format.extension())
}

pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars().flat_map(fold) {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
        if out.len() >= MAX_PART {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Latin letters with accents, as the plain letters a file name can hold.
fn fold(c: char) -> std::iter::Once<char> {
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'č' | 'ć' => 'c',
        'Ç' | 'Č' | 'Ć' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę' | 'Ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'š' | 'ś' => 's',
        'Š' | 'Ś' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        c => c,
    };
    std::iter::once(plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossroads_workbook::Answer;

    fn draft(school: &str, title: &str) -> Draft {
        let mut d = Draft::new("d", title, 0);
        d.set_answer("profile.school", Answer::Text(school.into()));
        d
    }

    #[test]
    fn names_say_school_title_and_date() {
        let d = draft("Lincoln Elementary", "Learning Studios");
        assert_eq!(
            file_name(&d, Format::Html, "2026-11-23"),
            "lincoln-elementary-learning-studios-2026-11-23.html"
        );
        assert_eq!(
            file_name(&d, Format::Json, "2026-11-23"),
            "lincoln-elementary-learning-studios-2026-11-23.json"
        );
        assert_eq!(
            file_name(&d, Format::Markdown, "2026-11-23"),
            "lincoln-elementary-learning-studios-2026-11-23.md"
        );
    }

    #[test]
    fn names_are_safe_everywhere() {
        let d = draft(
            "  École Saint-Exupéry / CON:*?\"<>|  ",
            "..\\..\\Ñandú: año 2027!",
        );
        let name = file_name(&d, Format::Html, "2026-11-23");
        assert_eq!(
            name,
            "ecole-saint-exupery-con-nandu-ano-2027-2026-11-23.html"
        );
        assert!(name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'));
        assert_eq!(
            file_name(&draft("", ""), Format::Json, "2026-11-23"),
            "proposal-2026-11-23.json"
        );
        assert_eq!(
            file_name(&draft("学校", "\u{1f680}"), Format::Json, "2026-11-23"),
            "proposal-2026-11-23.json"
        );
        let long = "a very long school name ".repeat(20);
        assert!(file_name(&draft(&long, &long), Format::Html, "2026-11-23").len() <= 48 * 2 + 17);
        assert_eq!(
            file_name(&draft("Lincoln", "Lincoln"), Format::Markdown, "x"),
            "lincoln-x.md"
        );
    }
}
