use super::*;

#[test]
fn the_default_day_fits_the_day_and_every_session_follows_the_last() {
    let plan = Plan::full_day();
    let agenda = plan.agenda(&Ran::new());
    assert_eq!(agenda.len(), plan.sessions.len());
    assert_eq!(agenda[0].start, 8 * 60 + 30);
    for pair in agenda.windows(2) {
        assert_eq!(pair[0].end, pair[1].start);
    }
    // 20 + 20 + 40 + 15 + 30 + 45 + 60 + 10 + 50 + 45 + 30 + 20 minutes.
    assert_eq!(plan.end(&Ran::new()), 8 * 60 + 30 + 385);
    assert_eq!(plan.overrun(&Ran::new()), None);
    assert_eq!(clock(plan.start), "8:30 am");
    assert_eq!(clock(plan.end(&Ran::new())), "2:55 pm");
}

#[test]
fn the_two_hour_plan_takes_two_hours() {
    let plan = Plan::two_hours();
    assert_eq!(plan.end(&Ran::new()) - plan.start, 120);
    assert_eq!(plan.overrun(&Ran::new()), None);
}

#[test]
fn a_plan_that_runs_past_the_end_of_the_day_says_by_how_much() {
    let mut plan = Plan::two_hours();
    plan.sessions.push(Session::new(
        "Extra drafting",
        Focus::default(),
        "Team drafting",
        25,
    ));
    assert_eq!(plan.overrun(&Ran::new()), Some(25));
}

#[test]
fn a_pitch_round_for_five_teams_runs_its_steps_five_times_and_names_each_team() {
    let teams = ["Lincoln", "Roosevelt", "Adams", "Jefferson", "Madison"];
    let mut plan = Plan::empty("p", "Pitch day", 9 * 60, 12 * 60);
    plan.sessions.push(Session::running(
        "Pitches",
        Focus::default(),
        protocol("pitch"),
        &teams,
    ));
    let session = &plan.sessions[0];
    assert_eq!(session.rounds(), 5);
    assert_eq!(plan.steps().len(), 10);
    assert_eq!(plan.end(&Ran::new()), 9 * 60 + 100);
    let up: Vec<&str> = (0..5).filter_map(|r| session.team(r)).collect();
    assert_eq!(up, teams);
    assert_eq!(session.team(5), None);
    // A protocol run once has no presenting team by turn.
    assert_eq!(Plan::full_day().sessions[6].team(0), None);
}

#[test]
fn a_step_that_ran_three_minutes_long_moves_every_later_time() {
    let plan = Plan::full_day();
    let before = plan.agenda(&Ran::new());
    // The tuning protocol's presentation (session 6, step 1: 12 minutes) ran 15.
    let mut ran = Ran::new();
    let late = StepRef {
        session: 6,
        round: 0,
        step: 1,
    };
    assert_eq!(plan.sessions[6].planned(late), 12);
    ran.insert(late, 15);
    let after = plan.agenda(&ran);
    for (b, a) in before.iter().zip(&after) {
        match b.session {
            0..=5 => assert_eq!((a.start, a.end), (b.start, b.end)),
            6 => assert_eq!((a.start, a.end), (b.start, b.end + 3)),
            _ => assert_eq!((a.start, a.end), (b.start + 3, b.end + 3)),
        }
    }
    // And a step cut short gives the time back.
    ran.insert(late, 10);
    assert_eq!(plan.end(&ran), plan.end(&Ran::new()) - 2);
}

#[test]
fn reordering_keeps_every_session_and_the_times_follow() {
    let mut plan = Plan::full_day();
    let titles = |p: &Plan| {
        p.sessions
            .iter()
            .map(|s| s.title.clone())
            .collect::<Vec<_>>()
    };
    let before = titles(&plan);
    plan.move_session(4, 1);
    let after = titles(&plan);
    assert_eq!(after[1], before[4]);
    assert_eq!(after[2], before[1]);
    let mut sorted_before = before.clone();
    let mut sorted_after = after.clone();
    sorted_before.sort();
    sorted_after.sort();
    assert_eq!(sorted_before, sorted_after);
    // The gallery walk (30 minutes) now starts right after the welcome.
    let agenda = plan.agenda(&Ran::new());
    assert_eq!(agenda[1].start, plan.start + 20);
    assert_eq!(agenda[1].end, plan.start + 50);
    assert_eq!(plan.end(&Ran::new()), Plan::full_day().end(&Ran::new()));
    plan.move_session(99, 0);
    assert_eq!(titles(&plan), after, "a move out of range changes nothing");
}

#[test]
fn clock_reads_like_an_agenda() {
    assert_eq!(clock(0), "12:00 am");
    assert_eq!(clock(12 * 60 + 5), "12:05 pm");
    assert_eq!(clock(15 * 60 + 30), "3:30 pm");
    assert_eq!(clock(MINUTES_PER_DAY + 9 * 60), "9:00 am");
}

#[test]
fn a_plan_travels_as_json_and_comes_back_the_same() {
    let mut plan = Plan::full_day();
    plan.sessions[1].notes = "Ask teams to bring last year's data.".into();
    plan.sessions[6].protocol.as_mut().unwrap().steps[4].minutes = 20;
    let json = serde_json::to_string(&plan).unwrap();
    let back: Plan = serde_json::from_str(&json).unwrap();
    assert_eq!(back, plan);
    assert_eq!(back.sessions[6].protocol.as_ref().unwrap().minutes(), 63);
}

#[test]
fn focus_names_a_catalog_area() {
    let plan = Plan::full_day();
    let areas: Vec<Option<FocusArea>> =
        plan.sessions.iter().map(|s| s.focus.focus_area()).collect();
    for area in FocusArea::ALL {
        assert!(areas.contains(&Some(area)), "{area:?} has a session");
    }
    assert_eq!(
        Focus {
            area: Some(9),
            prompts: vec![]
        }
        .focus_area(),
        None
    );
}

#[test]
fn time_fields_read_and_write_minutes_after_midnight() {
    assert_eq!(time_value(8 * 60 + 5), "08:05");
    assert_eq!(time_value(15 * 60 + 30), "15:30");
    assert_eq!(from_time_value("08:05"), Some(8 * 60 + 5));
    assert_eq!(from_time_value("15:30:00"), Some(15 * 60 + 30));
    assert_eq!(from_time_value("24:00"), None);
    assert_eq!(from_time_value("9:75"), None);
    assert_eq!(from_time_value(""), None);
    for m in [0, 59, 600, 1439] {
        assert_eq!(from_time_value(&time_value(m)), Some(m));
    }
}
