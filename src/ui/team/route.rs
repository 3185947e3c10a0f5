//! Where the app is: a pure mapping between the URL's hash and a [`Route`].
//!
//! The hash (`#/drafts/<id>/<section>`) rather than the path carries the place, so that reload
//! and Back work on any static host and from a file opened straight from disk.

/// The segment after a draft's id that opens its export screen (`#/drafts/<id>/export`).
pub const EXPORT_PLACE: &str = "export";
/// The segment after a draft's id that opens its history (`#/drafts/<id>/history`).
pub const HISTORY_PLACE: &str = "history";

/// A place in the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of drafts.
    Home,
    /// A draft, at a section (or where the team left off when `section` is `None`).
    Draft {
        /// The draft id.
        id: String,
        /// The section id, if the URL names one.
        section: Option<String>,
        /// A prompt to bring into view and focus, if the URL names one.
        focus: Option<String>,
    },
    /// Anything else.
    NotFound,
}

impl Route {
    /// The route a URL hash (with or without its leading `#`) stands for.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let owned = |s: &&str| s.to_string();
        match parts.as_slice() {
            [] => Route::Home,
            ["drafts", id, rest @ ..]
                if rest.len() <= 2 && valid(id) && rest.iter().all(|p| valid(p)) =>
            {
                Route::Draft {
                    id: id.to_string(),
                    section: rest.first().map(owned),
                    focus: rest.get(1).map(owned),
                }
            }
            _ => Route::NotFound,
        }
    }

    /// The hash for this route, for `href` and `location.replace`.
    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".to_string(),
            Route::Draft { id, section, focus } => {
                let mut href = format!("#/drafts/{id}");
                for part in [section, focus].into_iter().flatten() {
                    href.push('/');
                    href.push_str(part);
                }
                href
            }
        }
    }

    /// A link to a section of a draft.
    pub fn section(id: &str, section: &str) -> Route {
        Route::Draft {
            id: id.to_string(),
            section: Some(section.to_string()),
            focus: None,
        }
    }

    /// A link to one prompt of a draft.
    pub fn prompt(id: &str, section: &str, prompt: &str) -> Route {
        Route::Draft {
            id: id.to_string(),
            section: Some(section.to_string()),
            focus: Some(prompt.to_string()),
        }
    }
}

/// Ids in URLs are made of letters, digits, `.`, `_` and `-`.
fn valid(part: &str) -> bool {
    part.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_it_prints() {
        let routes = [
            Route::Home,
            Route::Draft {
                id: "m3x9".into(),
                section: None,
                focus: None,
            },
            Route::section("m3x9", "problems"),
            Route::prompt("m3x9", "problems", "problems.goals"),
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn empty_and_unknown_hashes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/elsewhere"), Route::NotFound);
        assert_eq!(Route::parse("#/drafts"), Route::NotFound);
        assert_eq!(Route::parse("#/drafts/a/b/c/d"), Route::NotFound);
        assert_eq!(Route::parse("#/drafts/a<b"), Route::NotFound);
        assert_eq!(
            Route::parse("#/drafts/abc/"),
            Route::Draft {
                id: "abc".into(),
                section: None,
                focus: None
            }
        );
    }
}
