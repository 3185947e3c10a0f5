use super::*;
use futures_executor::block_on;
use std::sync::Arc;

fn summary(title: &str, exported_ms: Option<u64>) -> Summary {
    Summary {
        title: title.to_string(),
        school: "Lincoln".to_string(),
        brief: Some(BriefRef {
            id: "b1".to_string(),
            version: 2,
        }),
        exported_ms,
    }
}

fn file(id: &str, text: &str, imported_ms: u64, exported_ms: Option<u64>) -> Incoming {
    Incoming::new(
        id,
        &format!("{id}.json"),
        text,
        imported_ms,
        summary("Studios", exported_ms),
    )
}

fn stored(desk: &Desk<impl DeskDb>, incoming: &Incoming) -> Proposal {
    match block_on(desk.add(incoming)) {
        Ok(Added::Stored(p)) => p,
        other => panic!("expected stored, got {other:?}"),
    }
}

fn text(s: &str) -> Option<Value> {
    Some(Value::Text(s.to_string()))
}

#[test]
fn a_file_put_on_the_desk_reads_back_whole() {
    let desk = Desk::new(MemoryDesk::default());
    let incoming = file("d1", "{\"format\":\"crossroads-proposal\"}", 10, Some(5));
    let proposal = stored(&desk, &incoming);
    assert_eq!(proposal.id, "d1");
    assert_eq!(proposal.file_name, "d1.json");
    assert_eq!(proposal.imported_ms, 10);
    assert_eq!(proposal.summary, summary("Studios", Some(5)));
    assert_eq!(proposal.text_bytes, incoming.text.len() as u64);
    assert!(proposal.saved_by.starts_with("crossroads "));
    assert_eq!(
        block_on(desk.text("d1")).unwrap(),
        "{\"format\":\"crossroads-proposal\"}"
    );
    assert_eq!(
        block_on(desk.entry("d1")),
        Ok(Some(DeskEntry::Kept(proposal.clone())))
    );
    assert_eq!(block_on(desk.list()), Ok(vec![DeskEntry::Kept(proposal)]));
    assert_eq!(block_on(desk.count()), Ok(1));
    let raw = desk.db().snapshot()["d1"].clone();
    let Some(Value::Text(record)) = raw.record else {
        panic!()
    };
    assert!(record.starts_with("{\"schema\":1,\"saved_by\":\"crossroads "));
    assert_eq!(raw.text, text("{\"format\":\"crossroads-proposal\"}"));
}

#[test]
fn the_same_file_again_is_already_here_and_nothing_is_written() {
    let desk = Desk::new(MemoryDesk::default());
    let first = stored(&desk, &file("d1", "same", 10, Some(5)));
    let before = desk.db().snapshot();
    // Opened again later, from a file with another name: the text decides.
    let again = Incoming::new("d1", "copy.json", "same", 99, summary("Studios", Some(5)));
    assert_eq!(block_on(desk.add(&again)), Ok(Added::AlreadyHere(first)));
    assert_eq!(desk.db().snapshot(), before);
}

#[test]
fn another_copy_is_offered_with_the_later_export_first() {
    let desk = Desk::new(MemoryDesk::default());
    let kept = stored(&desk, &file("d1", "old", 10, Some(100)));
    let before = desk.db().snapshot();

    let later = file("d1", "later", 20, Some(200));
    let Ok(Added::Differs(choice)) = block_on(desk.add(&later)) else {
        panic!()
    };
    assert_eq!(choice.first, Side::Incoming);
    assert_eq!(choice.kept, kept);
    assert_eq!(choice.incoming, summary("Studios", Some(200)));

    let earlier = file("d1", "earlier", 20, Some(50));
    let Ok(Added::Differs(choice)) = block_on(desk.add(&earlier)) else {
        panic!()
    };
    assert_eq!(choice.first, Side::Kept);
    // Neither says when: the one on the desk first; only the file says: the file first.
    assert_eq!(
        arrival(
            Some(&DeskEntry::Kept(kept.clone())),
            &file("d1", "x", 1, None)
        ),
        Arrival::Differs(Choice {
            kept: kept.clone(),
            incoming: summary("Studios", None),
            first: Side::Kept
        })
    );
    let mut undated = kept.clone();
    undated.summary.exported_ms = None;
    let Arrival::Differs(choice) = arrival(Some(&DeskEntry::Kept(undated)), &later) else {
        panic!()
    };
    assert_eq!(choice.first, Side::Incoming);
    // Nothing was written while the reviewer chooses.
    assert_eq!(desk.db().snapshot(), before);

    // Taking the file's copy.
    let now = block_on(desk.replace(&later, &kept)).unwrap();
    assert_eq!(now.revision, kept.revision + 1);
    assert_eq!(block_on(desk.text("d1")).unwrap(), "later");
    assert_eq!(block_on(desk.count()), Ok(1));
}

#[test]
fn a_tab_that_missed_another_tabs_change_is_refused() {
    let shared = Arc::new(MemoryDesk::default());
    let (a, b) = (Desk::new(shared.clone()), Desk::new(shared.clone()));
    let kept = stored(&a, &file("d1", "old", 10, Some(1)));
    // Tab B takes another copy.
    let b_copy = file("d1", "from b", 11, Some(2));
    let Ok(Added::Differs(choice)) = block_on(b.add(&b_copy)) else {
        panic!()
    };
    let b_kept = block_on(b.replace(&b_copy, &choice.kept)).unwrap();
    let after_b = shared.snapshot();
    // Tab A still shows the old one: replacing and removing it are refused.
    let a_copy = file("d1", "from a", 12, Some(3));
    assert_eq!(
        block_on(a.replace(&a_copy, &kept)),
        Err(StoreError::Conflict { stored_revision: 2 })
    );
    assert_eq!(
        block_on(a.remove(&kept)),
        Err(StoreError::Conflict { stored_revision: 2 })
    );
    assert_eq!(shared.snapshot(), after_b);
    // Tab B removes it; tab A's remove of what it saw is then no error, and A's replace writes
    // the file again.
    block_on(b.remove(&b_kept)).unwrap();
    assert_eq!(block_on(a.remove(&kept)), Ok(()));
    assert_eq!(block_on(a.list()), Ok(vec![]));
    let again = block_on(a.replace(&a_copy, &kept)).unwrap();
    assert!(again.revision > kept.revision);
    assert_eq!(block_on(b.text("d1")).unwrap(), "from a");
}

/// Damaged and newer values of every kind, planted, with the listing each gives.
fn planted() -> (MemoryDesk, Vec<(&'static str, DeskEntry)>) {
    let db = MemoryDesk::default();
    let good = file("ok", "fine", 1, None);
    let good_record = record::encode(&good, 1);
    let newer_record = good_record
        .replace("\"schema\":1", "\"schema\":7")
        .replace("\"id\":\"ok\"", "\"id\":\"new\"");
    let other_id = record::encode(&file("zz", "fine", 1, None), 1);
    db.plant(
        "bad",
        Pair {
            record: text("{\"schema\":1,\"id\":"),
            text: text("whatever"),
        },
    );
    db.plant(
        "new",
        Pair {
            record: text(&newer_record),
            text: text("a future file"),
        },
    );
    db.plant(
        "obj",
        Pair {
            record: Some(Value::NotText),
            text: text("x"),
        },
    );
    db.plant(
        "lost",
        Pair {
            record: text(&good_record.replace("\"id\":\"ok\"", "\"id\":\"lost\"")),
            text: None,
        },
    );
    db.plant(
        "alone",
        Pair {
            record: None,
            text: text("a text without record"),
        },
    );
    db.plant(
        "moved",
        Pair {
            record: text(&other_id),
            text: text("fine"),
        },
    );
    db.plant(
        "garbled",
        Pair {
            record: text(&good_record.replace("\"id\":\"ok\"", "\"id\":\"garbled\"")),
            text: text("fin"),
        },
    );
    let damaged = |id: &str| DeskEntry::Damaged {
        id: id.to_string(),
        reason: String::new(),
    };
    let expected = vec![
        ("bad", damaged("bad")),
        (
            "new",
            DeskEntry::Newer {
                id: "new".into(),
                schema: 7,
            },
        ),
        ("obj", damaged("obj")),
        ("lost", damaged("lost")),
        ("alone", damaged("alone")),
        ("moved", damaged("moved")),
        ("garbled", damaged("garbled")),
    ];
    (db, expected)
}

fn blank_reason(entry: DeskEntry) -> DeskEntry {
    match entry {
        DeskEntry::Damaged { id, .. } => DeskEntry::Damaged {
            id,
            reason: String::new(),
        },
        other => other,
    }
}

#[test]
fn damaged_and_newer_records_are_listed_and_left_alone_byte_for_byte() {
    let (db, expected) = planted();
    let desk = Desk::new(db);
    let before = desk.db().snapshot();

    // Each is found as what it is when looked at one by one (the text is checked then).
    for (id, want) in &expected {
        let got = block_on(desk.entry(id)).unwrap().map(blank_reason);
        assert_eq!(got.as_ref(), Some(want), "{id}");
        let why = want.protection().unwrap();
        assert_eq!(
            block_on(desk.text(id)),
            Err(StoreError::Protected(why.clone())),
            "{id}"
        );
        // Neither a file with its id nor a replace nor a remove writes over it.
        let incoming = file(id, "a new file", 50, Some(9));
        assert_eq!(
            block_on(desk.add(&incoming)),
            Err(StoreError::Protected(why.clone())),
            "{id}"
        );
        let pretend = Proposal {
            id: id.to_string(),
            file_name: String::new(),
            imported_ms: 0,
            summary: Summary::default(),
            text_bytes: 4,
            saved_by: String::new(),
            revision: 1,
            fingerprint: record::fingerprint("fine"),
        };
        assert_eq!(
            block_on(desk.replace(&incoming, &pretend)),
            Err(StoreError::Protected(why.clone())),
            "{id}"
        );
        assert_eq!(
            block_on(desk.remove(&pretend)),
            Err(StoreError::Protected(why)),
            "{id}"
        );
        // Saving a copy to a file gives exactly what is stored.
        assert_eq!(block_on(desk.raw(id)).unwrap(), before[*id]);
    }
    assert_eq!(desk.db().snapshot(), before);

    // The list shows all of them; a text that is there but damaged ("garbled") is found when
    // opened, so the list shows it as its record says.
    let listed: Vec<DeskEntry> = block_on(desk.list())
        .unwrap()
        .into_iter()
        .map(blank_reason)
        .collect();
    assert_eq!(listed.len(), expected.len());
    for (id, want) in &expected {
        let got = listed.iter().find(|e| e.id() == *id).unwrap();
        if *id == "garbled" {
            assert!(matches!(got, DeskEntry::Kept(_)));
        } else {
            assert_eq!(got, want, "{id}");
        }
    }
    // Reasons are plain words.
    let reasons: Vec<String> = block_on(desk.list())
        .unwrap()
        .into_iter()
        .filter_map(|e| match e {
            DeskEntry::Damaged { reason, .. } => Some(reason),
            _ => None,
        })
        .collect();
    assert!(reasons.contains(&"the file's text is missing".to_string()));
    assert!(reasons.contains(&"the file's text is here without its record".to_string()));
    assert!(reasons.contains(&"it is not text".to_string()));
    assert_eq!(desk.db().snapshot(), before);
}

#[test]
fn a_full_store_refuses_in_plain_words_and_keeps_what_was_stored() {
    let desk = Desk::new(MemoryDesk::with_limit(2_300));
    let kept = stored(&desk, &file("d1", &"a".repeat(500), 1, Some(1)));
    stored(&desk, &file("d2", &"b".repeat(500), 2, Some(1)));
    let before = desk.db().snapshot();

    let big = file("d3", &"c".repeat(1_000), 3, Some(1));
    assert_eq!(block_on(desk.add(&big)), Err(StoreError::Full));
    let bigger = file("d1", &"d".repeat(1_500), 3, Some(2));
    assert!(matches!(block_on(desk.add(&bigger)), Ok(Added::Differs(_))));
    assert_eq!(
        block_on(desk.replace(&bigger, &kept)),
        Err(StoreError::Full)
    );
    assert_eq!(desk.db().snapshot(), before);
    assert_eq!(block_on(desk.text("d1")).unwrap(), "a".repeat(500));

    let words = reason(&StoreError::Full);
    assert!(words.starts_with("this browser's storage for the reviewer's desk is full."));
    assert!(words.contains("Nothing was changed: every proposal already on the desk is kept."));
    assert_eq!(
        reason(&StoreError::Conflict { stored_revision: 2 }),
        "this proposal was also changed in another tab or window"
    );

    // Room made by removing one: the file goes in.
    block_on(desk.remove(&kept)).unwrap();
    assert!(matches!(block_on(desk.add(&big)), Ok(Added::Stored(_))));
}

#[test]
fn a_write_the_browser_garbles_is_found_by_the_read_back_and_undone() {
    let desk = Desk::new(MemoryDesk::default());
    let kept = stored(&desk, &file("d1", "original", 1, Some(1)));
    let before = desk.db().snapshot();
    desk.db().corrupt_next_writes(1);

    let fresh = file("d2", "fresh file", 2, Some(1));
    let refused = block_on(desk.add(&fresh)).unwrap_err();
    assert!(matches!(refused, StoreError::WriteFailed(_)));
    assert_eq!(
        reason(&refused),
        "the browser refused to save (what the browser kept differs from what was written)"
    );
    let copy = file("d1", "another copy", 2, Some(2));
    desk.db().corrupt_next_writes(1);
    assert!(matches!(
        block_on(desk.replace(&copy, &kept)),
        Err(StoreError::WriteFailed(_))
    ));
    // What was there is there, as it was; the garbled new one is gone.
    assert_eq!(desk.db().snapshot(), before);
    assert_eq!(block_on(desk.text("d1")).unwrap(), "original");
}

#[test]
fn another_tabs_write_between_write_and_read_back_is_kept_and_reported() {
    let shared = Arc::new(MemoryDesk::default());
    let (a, b) = (Desk::new(shared.clone()), Desk::new(shared.clone()));
    let b_file = file("d1", "from b", 2, Some(2));
    shared.after_next_put(Box::new(move |db: &MemoryDesk| {
        let record = record::encode(&b_file, 1);
        db.plant(
            "d1",
            Pair {
                record: text(&record),
                text: text("from b"),
            },
        );
    }));
    assert_eq!(
        block_on(a.add(&file("d1", "from a", 1, Some(1)))),
        Err(StoreError::Conflict { stored_revision: 1 })
    );
    assert_eq!(block_on(b.text("d1")).unwrap(), "from b");
}

#[test]
fn five_hundred_proposals_list_in_the_order_they_were_imported() {
    let desk = Desk::new(MemoryDesk::default());
    // Ids in another order than import times (a fixed shuffle), two at the same time.
    let n: u64 = 500;
    for i in 0..n {
        let id = format!("p{:03}", (i * 7919) % n);
        let imported = 1_000 + i / 2;
        let text = format!("{{\"n\":{i}}}").repeat(20);
        stored(&desk, &file(&id, &text, imported, Some(i)));
    }
    let listed = block_on(desk.list()).unwrap();
    assert_eq!(listed.len(), n as usize);
    assert_eq!(block_on(desk.count()), Ok(n as u32));
    let order: Vec<(u64, String)> = listed
        .iter()
        .map(|e| {
            let p = e.proposal().expect("every one readable");
            (p.imported_ms, p.id.clone())
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    assert_eq!(order[0].0, 1_000);
    assert_eq!(order[499].0, 1_249);
}

#[test]
fn newer_and_damaged_records_take_their_place_in_the_list() {
    let (db, _) = planted();
    let desk = Desk::new(db);
    stored(&desk, &file("a1", "x", 0, None));
    let listed = block_on(desk.list()).unwrap();
    // Readable import times first (the newer record says 1, the new file 0), then the rest by id.
    let ids: Vec<&str> = listed.iter().map(DeskEntry::id).collect();
    assert_eq!(
        ids,
        ["a1", "garbled", "lost", "moved", "new", "alone", "bad", "obj"]
    );
}

#[test]
fn news_between_tabs_reads_back_and_anything_else_asks_for_a_new_list() {
    let news = News {
        added: vec!["d1".into(), "d2".into()],
        replaced: vec!["d3".into()],
        removed: vec!["d4".into()],
    };
    let message = news.message();
    assert_eq!(
        message,
        r#"{"desk":1,"added":["d1","d2"],"replaced":["d3"],"removed":["d4"]}"#
    );
    assert_eq!(News::read(&message), Heard::News(news));
    assert_eq!(
        News::read(r#"{"desk":1,"added":["d1"]}"#),
        Heard::News(News {
            added: vec!["d1".into()],
            ..News::default()
        })
    );
    assert_eq!(News::read(r#"{"desk":2,"added":["d1"]}"#), Heard::Reload);
    assert_eq!(News::read("not json"), Heard::Reload);
    assert_eq!(News::read(r#"{"added":["d1"]}"#), Heard::Reload);
    assert!(News::default().is_empty());
    assert!(!News::read(&message).eq(&Heard::Reload));
}

#[test]
fn a_summary_comes_from_the_draft() {
    let mut draft = crossroads_workbook::Draft::new("d1", "  ", 1);
    draft.set_answer(
        crossroads_workbook::catalog::SCHOOL_PROMPT,
        crossroads_workbook::Answer::Text(" Lincoln ".into()),
    );
    let summary = Summary::of(&draft, Some(7));
    assert_eq!(summary.school, "Lincoln");
    assert_eq!(summary.display_title(), "Untitled proposal");
    assert_eq!(summary.brief, None);
    assert_eq!(summary.exported_ms, Some(7));
}
