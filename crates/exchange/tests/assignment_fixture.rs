//! The assignment file a district sends each reviewer, pinned: a panel's assignment written today
//! must come out as exactly the bytes of `tests/fixtures/assignment-v1.json`, and that file must
//! keep reading back to the same assignment, so that renaming a field breaks a test instead of
//! every assignment already sent. The browser tests open the same file on a reviewer's desk.
//!
//! After a deliberate change of format: `UPDATE_FIXTURES=1 cargo test -p crossroads-exchange
//! --test assignment_fixture`, and say so in the commit.

use crossroads_exchange::{assignment_to_json, read_assignment};
use crossroads_panel::{Panel, PanelReviewer, ProposalRef};
use crossroads_review::{proposal_code, Competition};

const FIXTURE: &str = "tests/fixtures/assignment-v1.json";

/// A panel of the Riverton competition (the brief fixture's ids): Ana Reviewer reads four
/// proposals, listed in the panel's order, two of which the desk tests never put on the desk.
fn panel() -> Panel {
    let c = Competition::new("riverton-2027", "Riverton Learning Challenge");
    let mut panel = Panel::new("riverton-panel", &c, 1_790_000_000_000);
    panel.per_proposal = 2;
    panel.reviewers = vec![
        PanelReviewer {
            id: "ana".into(),
            name: "Ana Reviewer".into(),
            school: None,
            conflicts: Default::default(),
        },
        PanelReviewer {
            id: "ben".into(),
            name: "Ben Reviewer".into(),
            school: None,
            conflicts: Default::default(),
        },
    ];
    let ids = [
        "studios1",
        "labs1",
        "gardens1",
        "fridays1",
        "murals1",
        "advisory1",
    ];
    panel.proposals = ids
        .iter()
        .map(|id| ProposalRef {
            id: id.to_string(),
            school: String::new(),
            requested_cents: None,
        })
        .collect();
    let ana = ["labs1", "gardens1", "fridays1", "murals1"];
    let ben = ["studios1", "labs1", "fridays1", "advisory1"];
    for (reviewer, mine) in [("ana", ana), ("ben", ben)] {
        panel.assignment.insert(
            reviewer.into(),
            mine.iter().map(|s| s.to_string()).collect(),
        );
    }
    panel
}

#[test]
fn an_assignment_is_written_as_exactly_the_pinned_bytes_and_reads_back_whole() {
    let json = assignment_to_json(&panel(), "ana", 1_790_000_100_000).unwrap();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(FIXTURE, &json).unwrap();
    }
    let pinned = std::fs::read_to_string(FIXTURE).unwrap();
    assert_eq!(json, pinned, "the assignment file's format changed");
    let read = read_assignment(&pinned).unwrap();
    assert_eq!(read.reviewer.name, "Ana Reviewer");
    assert_eq!(read.exported_ms, 1_790_000_100_000);
    let ids: Vec<&str> = read.proposals.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["labs1", "gardens1", "fridays1", "murals1"]);
    assert!(read
        .proposals
        .iter()
        .all(|p| p.code == proposal_code(&p.id)));
}
