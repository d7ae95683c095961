//! The TUI without a terminal: every action through `App::update`, whole
//! screens rendered to ratatui's TestBackend and compared with committed
//! insta snapshots, and a property test over random sizes and actions.

use panel_draft::draft::Action;
use panel_draft::session::{Config, Session};
use panel_draft::tui::app::{Overlay, Pane, Prompt, TextPurpose, Tone};
use panel_draft::tui::{App, Msg, view};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn session(dir: &std::path::Path) -> Session {
    let cfg = Config {
        db: dir.join("db"),
        rules: None,
        countries: None,
        aliases: None,
        member: "tester".into(),
        draft: None,
    };
    let mut s = Session::open(&cfg).unwrap();
    s.import_sample().unwrap();
    s
}

fn app(dir: &std::path::Path, w: u16, h: u16, present: bool) -> App {
    App::new(session(dir), present, false, Rect::new(0, 0, w, h))
}

fn screen(app: &App) -> String {
    let size = app.size;
    let mut t = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    t.draw(|f| view::render(f, app)).unwrap();
    buffer_text(t.backend())
}

fn buffer_text(b: &TestBackend) -> String {
    let buf = b.buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

fn type_text(app: &mut App, text: &str) {
    // Esc in the filter clears it; then type afresh.
    app.update(Msg::StartFilter);
    app.update(Msg::InputCancel);
    app.update(Msg::StartFilter);
    for c in text.chars() {
        app.update(Msg::InputChar(c));
    }
    app.update(Msg::InputAccept);
}

/// Adds the first `n` candidates, in name order, that the rules accept.
fn fill(app: &mut App, n: usize) {
    let mut added = 0;
    let ids: Vec<String> = app
        .pool
        .hits
        .iter()
        .map(|h| app.session.pool().candidate(h.ix).id.clone())
        .collect();
    for id in ids {
        if added == n {
            break;
        }
        if app.session.apply(Action::Add { id }, None).is_ok() {
            added += 1;
        }
    }
    app.refresh();
}

#[test]
fn search_folds_accents_and_highlights() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path(), 120, 40, false);
    type_text(&mut a, "jose");
    assert!(!a.pool.hits.is_empty(), "jose finds José");
    let first = a.session.pool().candidate(a.pool.hits[0].ix).name.clone();
    assert!(
        panel_draft::domain::fold(&first).contains("jose"),
        "{first}"
    );
    type_text(&mut a, "nguyen");
    assert!(
        a.pool
            .hits
            .iter()
            .any(|h| a.session.pool().candidate(h.ix).name.contains("Nguyễn"))
    );
    let before = a.pool.hits.len();
    type_text(&mut a, "nguyen gender:f");
    assert!(a.pool.hits.len() < before);
    assert!(
        a.pool
            .hits
            .iter()
            .all(|h| a.session.pool().facts(h.ix).gender == panel_draft::domain::Gender::Female)
    );
    assert!(screen(&a).contains("Nguy"), "the match is on screen");
}

#[test]
fn add_remove_swap_undo_redo_through_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path(), 120, 40, false);
    type_text(&mut a, "eligible");
    let first = a.selected_candidate().unwrap();
    a.update(Msg::Add);
    assert_eq!(a.status.tone, Tone::Done, "{}", a.status.text);
    assert!(a.session.draft().contains(first));
    assert!(
        !a.pool.hits.iter().any(|h| h.ix == first),
        "added people leave the pool list"
    );

    // Swap: mark in the draft, pick in the pool.
    a.update(Msg::NextPane);
    assert_eq!(a.focus, Pane::Draft);
    a.update(Msg::Home);
    a.update(Msg::MarkSwap);
    assert_eq!(a.swap_mark, Some(first));
    assert_eq!(a.focus, Pane::Pool);
    let incoming = a.selected_candidate().unwrap();
    a.update(Msg::Add);
    // Swapping out the only member may uncover a field: a reason is asked.
    if let Some(Prompt::Text {
        purpose: TextPurpose::Reason { breaks, .. },
        ..
    }) = &a.prompt
    {
        assert!(!breaks.is_empty());
        a.update(Msg::InputAccept);
        assert!(
            a.prompt.is_some(),
            "an empty reason is not accepted for a breaking change"
        );
        for c in "better fit".chars() {
            a.update(Msg::InputChar(c));
        }
        a.update(Msg::InputAccept);
    }
    assert_eq!(a.status.tone, Tone::Done, "{}", a.status.text);
    assert!(a.session.draft().contains(incoming) && !a.session.draft().contains(first));
    assert_eq!(a.session.draft().counters().size, 1);
    assert_eq!(a.swap_mark, None);

    a.update(Msg::Undo);
    assert!(a.session.draft().contains(first));
    a.update(Msg::Redo);
    assert!(a.session.draft().contains(incoming));

    // Remove from the draft pane.
    a.update(Msg::NextPane);
    a.update(Msg::Home);
    a.update(Msg::Remove);
    if matches!(a.prompt, Some(Prompt::Text { .. })) {
        for c in "testing".chars() {
            a.update(Msg::InputChar(c));
        }
        a.update(Msg::InputAccept);
    }
    assert_eq!(a.session.draft().counters().size, 0);
    let log = a.session.log().unwrap();
    let last = log.last().unwrap();
    assert!(
        last.summary_what().starts_with("remove"),
        "{}",
        last.summary_what()
    );
}

#[test]
fn refused_add_shows_the_reason_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path(), 120, 40, false);
    // UN staff are in the sample pool; find one that is not eligible.
    let ineligible = a
        .pool
        .hits
        .iter()
        .position(|h| {
            panel_draft::rules::eligibility(a.session.rules(), a.session.pool().facts(h.ix))
                .is_some()
        })
        .unwrap();
    a.pool.selected = ineligible;
    a.update(Msg::Add);
    assert_eq!(a.status.tone, Tone::Refused);
    assert!(
        a.status.text.contains("nothing changed"),
        "{}",
        a.status.text
    );
    assert_eq!(a.session.draft().counters().size, 0);
    assert!(screen(&a).contains("Refused"));
}

#[test]
fn overlays_open_and_close() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path(), 100, 30, false);
    a.update(Msg::Help);
    assert_eq!(a.overlay, Overlay::Help);
    assert!(screen(&a).contains("presentation mode"));
    a.update(Msg::Escape);
    a.update(Msg::Detail);
    assert_eq!(a.overlay, Overlay::Detail);
    assert!(screen(&a).contains("Motivation"));
    a.update(Msg::Down); // ignored while an overlay is open
    a.update(Msg::Escape);
    assert_eq!(a.overlay, Overlay::None);
    a.update(Msg::Quit);
    assert!(a.quit);
}

#[test]
fn presentation_mode_hides_email_and_conflict_text() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path(), 200, 50, false);
    type_text(&mut a, "conflict eligible");
    let ix = a.selected_candidate().expect("someone declared a conflict");
    let c = a.session.pool().candidate(ix).clone();
    assert!(c.has_conflict() && !c.email.is_empty());
    a.update(Msg::Add);
    a.update(Msg::NextPane);
    a.update(Msg::Home);
    assert_eq!(a.focused_person(), Some(ix));
    a.update(Msg::TogglePresent);
    a.update(Msg::Detail);
    let s = screen(&a);
    assert!(s.contains(&c.name), "the detail view is about the member");
    assert!(s.contains("hidden in presentation mode"));
    assert!(!s.contains(&c.email), "email leaked");
    let snippet: String = c.conflict_of_interest.chars().take(20).collect();
    assert!(!s.contains(&snippet), "conflict text leaked");
    // The conflict filter is off while presenting.
    a.update(Msg::Escape);
    type_text(&mut a, "conflict");
    assert!(
        a.status.text.contains("conflict filter is off"),
        "{}",
        a.status.text
    );
    assert_eq!(a.pool.hits.len(), a.session.pool().len() - 1);
    // Toggling off shows them to the committee again.
    a.update(Msg::TogglePresent);
    a.update(Msg::NextPane);
    a.update(Msg::Detail);
    assert!(screen(&a).contains(&c.email));
}

#[test]
fn tiny_terminals_ask_to_be_enlarged() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path(), 40, 10, false);
    assert!(screen(&a).contains("Enlarge"));
    a.update(Msg::Resize {
        width: 1,
        height: 1,
    });
    screen(&a);
}

#[test]
fn snapshots() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path(), 80, 24, false);
    fill(&mut a, 23);
    type_text(&mut a, "nguyen");
    a.run_lookahead_now();
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        for present in [false, true] {
            a.present = present;
            a.update(Msg::Resize {
                width: w,
                height: h,
            });
            let name = format!(
                "screen_{w}x{h}_{}",
                if present { "present" } else { "normal" }
            );
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            t.draw(|f| view::render(f, &a)).unwrap();
            insta::assert_snapshot!(name, buffer_text(t.backend()));
        }
    }
}

#[derive(Debug, Clone)]
enum Step {
    Key(Msg),
    Type(String),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        1 => Just(Step::Key(Msg::Up)),
        1 => Just(Step::Key(Msg::Down)),
        1 => Just(Step::Key(Msg::PageDown)),
        1 => Just(Step::Key(Msg::End)),
        1 => Just(Step::Key(Msg::NextPane)),
        1 => Just(Step::Key(Msg::PrevPane)),
        3 => Just(Step::Key(Msg::Add)),
        1 => Just(Step::Key(Msg::Remove)),
        1 => Just(Step::Key(Msg::MarkSwap)),
        1 => Just(Step::Key(Msg::Undo)),
        1 => Just(Step::Key(Msg::Redo)),
        1 => Just(Step::Key(Msg::Detail)),
        1 => Just(Step::Key(Msg::Escape)),
        1 => Just(Step::Key(Msg::Help)),
        1 => Just(Step::Key(Msg::TogglePresent)),
        1 => Just(Step::Key(Msg::CycleSort)),
        1 => (0u16..400, 0u16..120).prop_map(|(w, h)| Step::Key(Msg::Resize { width: w, height: h })),
        1 => (0u16..400, 0u16..120).prop_map(|(c, r)| Step::Key(Msg::Click { column: c, row: r })),
        1 => (0u16..400, 0u16..120).prop_map(|(c, r)| Step::Key(Msg::ScrollDown { column: c, row: r })),
        1 => "[a-zé ]{0,6}".prop_map(Step::Type),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn random_sizes_and_actions_never_panic_or_break_hard_rules(steps in proptest::collection::vec(step(), 1..40)) {
        let tmp = tempfile::tempdir().unwrap();
        let mut a = app(tmp.path(), 80, 24, false);
        for s in steps {
            match s {
                Step::Key(m) => a.update(m),
                Step::Type(t) => type_text(&mut a, &t),
            }
            screen(&a);
            let report = a.session.report();
            for r in report.rules.iter().filter(|r| r.kind == panel_draft::rules::RuleKind::Hard && r.id != "panel-size") {
                prop_assert!(r.ok, "hard rule {} broken: {}", r.id, r.detail);
            }
        }
    }
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path(), 120, 40, false);
    let list = a.areas().pool_list();
    a.update(Msg::Click {
        column: list.x + 5,
        row: list.y + 3,
    });
    assert_eq!((a.focus, a.pool.selected), (Pane::Pool, 3));
    a.update(Msg::ScrollDown {
        column: list.x + 5,
        row: list.y + 3,
    });
    assert_eq!(a.pool.selected, 6);
    let draft = a.areas().draft_list();
    a.update(Msg::Click {
        column: draft.x + 3,
        row: draft.y + 2,
    });
    assert_eq!((a.focus, a.draft_selected), (Pane::Draft, 2));
    // Clicks outside any pane change nothing.
    a.update(Msg::Click { column: 0, row: 0 });
    assert_eq!(a.focus, Pane::Draft);
}

#[test]
fn lookahead_marks_filters_and_proposals() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path(), 120, 40, false);
    assert!(
        screen(&a).contains("checking whether a completion exists"),
        "unknown until the worker answers"
    );
    a.run_lookahead_now();
    assert_eq!(
        a.lookahead.analysis.as_ref().and_then(|x| x.feasible),
        Some(true)
    );
    assert!(screen(&a).contains("✓ a completion to 40 meeting every rule exists"));
    // Every eligible candidate of an empty draft keeps a completion possible.
    let first = a.selected_candidate().unwrap();
    let eligible =
        panel_draft::rules::eligibility(a.session.rules(), a.session.pool().facts(first)).is_none();
    assert_eq!(a.lookahead.keeps(first, None), eligible.then_some(true));
    // A proposal is accepted one member at a time, and can be trimmed.
    a.update(Msg::Complete);
    let Overlay::Picks(p) = &a.overlay else {
        panic!("no proposal overlay")
    };
    assert_eq!(p.items.len(), 40);
    let (first_pick, second_pick) = (p.items[0].ix, p.items[1].ix);
    a.update(Msg::Choose('a'));
    assert!(a.session.draft().contains(first_pick));
    a.update(Msg::Choose('x'));
    assert!(
        !a.session.draft().contains(second_pick),
        "left out, not added"
    );
    let Overlay::Picks(p) = &a.overlay else {
        panic!("the proposal stays open")
    };
    assert_eq!(p.items.len(), 38);
    a.update(Msg::Escape);
    assert_eq!(a.session.draft().counters().size, 1);
    // The look-ahead is redone after the change; the filter uses it.
    a.run_lookahead_now();
    type_text(&mut a, "keeps-feasible");
    let n = a.pool.hits.len();
    assert!(
        n > 0 && n < 2699,
        "only candidates who keep a completion: {n}"
    );
    // Replacements for a member.
    a.update(Msg::NextPane);
    a.update(Msg::Home);
    a.update(Msg::Replace);
    assert!(
        matches!(a.overlay, Overlay::Picks(_)) || a.status.text.contains("No one could take"),
        "{}",
        a.status.text
    );
}

#[test]
fn notes_stay_off_the_projector_until_opened() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path(), 120, 40, false);
    a.update(Msg::Note);
    for c in "Prefers remote participation".chars() {
        a.update(Msg::InputChar(c));
    }
    a.update(Msg::InputAccept);
    assert_eq!(a.status.tone, Tone::Done, "{}", a.status.text);
    a.update(Msg::Detail);
    assert!(screen(&a).contains("Prefers remote participation"));
    a.update(Msg::Escape);
    a.update(Msg::TogglePresent);
    a.update(Msg::Detail);
    let s = screen(&a);
    assert!(
        !s.contains("Prefers remote"),
        "a note leaked in presentation mode"
    );
    assert!(s.contains("1 hidden in presentation mode"));
    a.update(Msg::RevealNotes);
    assert!(
        screen(&a).contains("Prefers remote participation"),
        "the facilitator can open them"
    );
}

#[test]
fn paste_clear_and_escape_in_the_filter() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path(), 120, 40, false);
    a.update(Msg::StartFilter);
    a.update(Msg::Paste("nguyen\n".into()));
    assert_eq!(a.pool.filter_text, "nguyen");
    assert_eq!(a.pool.hits.len(), 4);
    a.update(Msg::InputClear);
    assert_eq!(a.pool.hits.len(), 2700);
    a.update(Msg::Paste("x".repeat(5000)));
    assert_eq!(
        a.pool.filter_text.chars().count(),
        200,
        "long input is capped"
    );
    a.update(Msg::InputClear);
    a.update(Msg::Paste("jose".into()));
    a.update(Msg::InputAccept);
    assert!(a.pool.hits.len() < 2700);
    // Esc on the list clears a kept filter.
    a.update(Msg::Escape);
    assert!(a.pool.filter_text.is_empty());
    assert_eq!(a.pool.hits.len(), 2700);
}

#[test]
fn marks_for_the_candidates_on_screen_come_first() {
    use panel_draft::tui::lookahead::{Outcome, run};
    let tmp = tempfile::tempdir().unwrap();
    let mut a = app(tmp.path(), 120, 40, false);
    let mut job = a.lookahead_job().expect("a look-ahead is due at start");
    job.priority.truncate(50);
    let latest = std::sync::atomic::AtomicU64::new(job.generation);
    let mut marks = Vec::new();
    run(&job, &latest, &mut |o| {
        if let Outcome::Marks {
            marks: m, complete, ..
        } = o
        {
            marks.push((m, complete));
        }
    });
    assert_eq!(marks.len(), 2, "an early batch, then all");
    let (early, done) = (&marks[0], &marks[1]);
    assert!(!early.1 && done.1);
    for &ix in &job.priority {
        assert_ne!(
            early.0[ix as usize], 0,
            "priority candidate {ix} marked early"
        );
        assert_eq!(
            early.0[ix as usize], done.0[ix as usize],
            "the early answer is the final one"
        );
    }
    assert!(
        early.0.iter().filter(|m| **m == 0).count() > done.0.iter().filter(|m| **m == 0).count()
    );
    // A newer request makes the job stale: it stops without marks.
    latest.store(job.generation + 1, std::sync::atomic::Ordering::Relaxed);
    let mut any = false;
    run(&job, &latest, &mut |o| {
        any |= matches!(o, Outcome::Marks { .. })
    });
    assert!(!any, "stale work is abandoned");
}
