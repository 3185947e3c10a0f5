//! Backups: every draft of one browser, with its history, in one file.
//!
//! ```json
//! {"format":"crossroads-backup","version":1,"created_ms":…,
//!  "drafts":[{"draft":{…},"history":{…}}],
//!  "unreadable":[{"key":"crossroads/draft/…","raw":"…"}]}
//! ```
//!
//! Records that could not be read are carried byte for byte, so a backup loses nothing.

use crate::file::{checked_json, ImportError};
use crossroads_workbook::{Draft, History};
use serde::{Deserialize, Serialize};

/// The `format` every backup names.
pub(crate) const FORMAT: &str = "crossroads-backup";
/// The version of the backup format this build writes.
pub const BACKUP_VERSION: u32 = 1;
/// Backups larger than this are refused before they are read (local storage itself holds
/// about 5 million characters, which is at most about 15 MB of UTF-8).
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;

/// Everything one browser kept.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// When the backup was made (milliseconds since the Unix epoch).
    #[serde(default)]
    pub created_ms: u64,
    /// Every readable draft with its history.
    #[serde(default)]
    pub drafts: Vec<BackupDraft>,
    /// Every record that could not be read, byte for byte.
    #[serde(default)]
    pub unreadable: Vec<RawRecord>,
}

/// A draft and its history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupDraft {
    /// The draft.
    pub draft: Draft,
    /// Its earlier versions.
    #[serde(default)]
    pub history: History,
}

/// A stored record kept as it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawRecord {
    /// Its storage key.
    pub key: String,
    /// Its text.
    pub raw: String,
}

/// The file: the header, then the fields of [`Backup`] in its order. Spelled out rather than
/// `#[serde(flatten)]`, which goes through serde's buffered `Content` and costs a second copy of
/// every deserializer in the WebAssembly. A backup is read as a [`Backup`] directly: it ignores
/// the header's fields.
#[derive(Serialize)]
struct Out<'a> {
    format: &'static str,
    version: u32,
    created_ms: u64,
    drafts: &'a [BackupDraft],
    unreadable: &'a [RawRecord],
}

/// The backup file's text.
pub fn backup_to_json(backup: &Backup) -> String {
    serde_json::to_string(&Out {
        format: FORMAT,
        version: BACKUP_VERSION,
        created_ms: backup.created_ms,
        drafts: &backup.drafts,
        unreadable: &backup.unreadable,
    })
    .expect("a backup always serializes")
}

/// `crossroads-backup-2026-11-23.json`.
pub fn backup_file_name(date: &str) -> String {
    let date: String = date
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    format!("crossroads-backup-{date}.json")
}

/// Reads a backup file.
pub fn read_backup(text: &str) -> Result<Backup, ImportError> {
    let (json, version) = checked_json(text, MAX_BACKUP_BYTES, FORMAT)?;
    match version {
        None => return Err(ImportError::MissingField("version".to_string())),
        Some(version) if version > BACKUP_VERSION => {
            return Err(ImportError::NewerVersion { version })
        }
        Some(_) => {}
    }
    let backup: Backup =
        serde_json::from_str(json).map_err(|e| ImportError::Damaged(e.to_string()))?;
    if let Some(bad) = backup
        .drafts
        .iter()
        .find(|d| !crate::file::valid_id(&d.draft.id))
    {
        return Err(ImportError::Damaged(format!(
            "the draft id \u{201c}{}\u{201d} is not valid",
            bad.draft.id
        )));
    }
    Ok(backup)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossroads_workbook::history::Reason;
    use crossroads_workbook::Answer;

    fn sample() -> Backup {
        let mut draft = Draft::new("a1", "Studios \u{1f680}", 5);
        draft.set_answer("profile.school", Answer::Text("</script>".into()));
        let mut history = History::default();
        history.record(&draft, Reason::SectionChange, 6);
        Backup {
            created_ms: 7,
            drafts: vec![BackupDraft { draft, history }],
            unreadable: vec![RawRecord {
                key: "crossroads/draft/bad".into(),
                raw: "{broken".into(),
            }],
        }
    }

    #[test]
    fn backups_round_trip() {
        let json = backup_to_json(&sample());
        assert!(
            json.starts_with(r#"{"format":"crossroads-backup","version":1,"#),
            "{json}"
        );
        assert_eq!(read_backup(&json), Ok(sample()));
        assert_eq!(
            backup_file_name("2026-11-23"),
            "crossroads-backup-2026-11-23.json"
        );
    }

    #[test]
    fn the_wrong_kind_of_file_is_named() {
        let proposal = crate::export(
            &sample().drafts[0].draft,
            crate::Format::Json,
            &crate::ExportOptions::new(1, "2026-11-23"),
        );
        assert_eq!(read_backup(&proposal), Err(ImportError::IsProposal));
        assert_eq!(
            crate::import(&backup_to_json(&sample())),
            Err(ImportError::IsBackup)
        );
        assert!(ImportError::IsBackup
            .to_string()
            .contains("Restore from a backup"));
        let newer = backup_to_json(&sample()).replacen("\"version\":1", "\"version\":4", 1);
        assert_eq!(
            read_backup(&newer),
            Err(ImportError::NewerVersion { version: 4 })
        );
        let bad_id = backup_to_json(&sample()).replacen("\"a1\"", "\"a/b\"", 1);
        assert!(matches!(read_backup(&bad_id), Err(ImportError::Damaged(_))));
        assert_eq!(read_backup("nope"), Err(ImportError::NotAProposal));
    }
}
