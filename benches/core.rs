//! Speed of what happens per keystroke and per change, on generated pools
//! of 2,700, 10,000 and 100,000 candidates. Targets (2 cores): search
//! ≤ 2 / 5 / 30 ms; a frame ≤ 2 ms; add or swap with the durable flush
//! ≤ 10 ms; cold start ≤ 150 ms at 2,700 and ≤ 1 s at 100k; import of
//! 100k ≤ 3 s. Figures and how to reproduce them: BENCHMARKS.md.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use divan::Bencher;
use panel_draft::domain::Candidate;
use panel_draft::draft::Action;
use panel_draft::import::{ImportOutcome, parse_pool};
use panel_draft::reference::Reference;
use panel_draft::search::{Query, Scope, SearchIndex, Sort};
use panel_draft::session::{Config, Session};
use panel_draft::tui::{App, Msg, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const SIZES: [usize; 3] = [2_700, 10_000, 100_000];

fn main() {
    divan::main();
}

fn csv(n: usize) -> &'static [u8] {
    static CACHE: [OnceLock<Vec<u8>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = SIZES.iter().position(|&s| s == n).unwrap_or(0);
    CACHE[i].get_or_init(|| {
        let mut out = Vec::new();
        panel_draft::generate::write_pool_csv(n, panel_draft::generate::DEFAULT_SEED, &mut out)
            .expect("generate");
        out
    })
}

fn candidates(n: usize) -> Vec<Candidate> {
    let reference = Reference::bundled().expect("reference");
    parse_pool(Path::new("bench.csv"), csv(n), &reference)
        .expect("generated pool imports")
        .candidates
}

/// A database with the pool imported, kept for the whole run.
fn database(n: usize) -> PathBuf {
    static DIRS: [OnceLock<tempfile::TempDir>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = SIZES.iter().position(|&s| s == n).unwrap_or(0);
    let dir = DIRS[i].get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut s = Session::open(&config(dir.path())).expect("open");
        s.import(
            ImportOutcome {
                candidates: candidates(n),
                warnings: Vec::new(),
            },
            "bench",
        )
        .expect("import");
        dir
    });
    dir.path().join("db")
}

fn config(dir: &Path) -> Config {
    Config {
        db: dir.join("db"),
        rules: None,
        countries: None,
        aliases: None,
        member: "bench".into(),
        draft: None,
    }
}

fn open(n: usize) -> Session {
    let db = database(n);
    Session::open(&Config {
        db,
        ..config(Path::new("/nonexistent"))
    })
    .expect("open")
}

/// Folded, multi-word, with a field filter.
const QUERY: &str = "jo gender:f field:safety";
const QUERY_NEXT: &str = "jos gender:f field:safety";

#[divan::bench(args = SIZES, sample_count = 30)]
fn search_from_scratch(b: Bencher, n: usize) {
    let s = open(n);
    let index = SearchIndex::new(s.pool());
    let q = Query::parse(QUERY);
    b.bench_local(|| {
        index
            .search(
                s.pool(),
                s.rules(),
                &q,
                None,
                &Scope::all(),
                Sort::default(),
            )
            .len()
    });
}

#[divan::bench(args = SIZES, sample_count = 30)]
fn search_one_more_keystroke(b: Bencher, n: usize) {
    let s = open(n);
    let index = SearchIndex::new(s.pool());
    let prev = index.search(
        s.pool(),
        s.rules(),
        &Query::parse(QUERY),
        None,
        &Scope::all(),
        Sort::default(),
    );
    let q = Query::parse(QUERY_NEXT);
    assert!(q.narrows(&Query::parse(QUERY)));
    b.bench_local(|| {
        index
            .search(
                s.pool(),
                s.rules(),
                &q,
                Some(&prev),
                &Scope::all(),
                Sort::default(),
            )
            .len()
    });
}

#[divan::bench(args = SIZES, sample_count = 30)]
fn frame_200x50_scrolled_to_middle(b: Bencher, n: usize) {
    let s = open(n);
    let mut app = App::new(s, false, false, Rect::new(0, 0, 200, 50));
    let middle = app.pool.hits.len() / 2;
    app.update(Msg::PageDown);
    app.pool.selected = middle;
    app.update(Msg::Down);
    let mut t = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    b.bench_local(|| {
        t.draw(|f| view::render(f, &app)).expect("draw");
    });
}

/// An add then its undo, each stored in one transaction and flushed.
#[divan::bench(args = SIZES, sample_count = 20)]
fn add_and_undo_with_flush(b: Bencher, n: usize) {
    let mut s = open(n);
    let id = first_addable(&s);
    b.bench_local(|| {
        s.apply(Action::Add { id: id.clone() }, None).expect("add");
        s.apply(Action::Undo, None).expect("undo");
    });
}

/// A swap and its undo, flushed.
#[divan::bench(args = SIZES, sample_count = 20)]
fn swap_and_undo_with_flush(b: Bencher, n: usize) {
    let mut s = open(n);
    let a = first_addable(&s);
    s.apply(Action::Add { id: a.clone() }, None).expect("add");
    let other = first_addable(&s);
    b.bench_local(|| {
        s.apply(
            Action::Swap {
                outgoing: a.clone(),
                incoming: other.clone(),
                role: None,
            },
            None,
        )
        .expect("swap");
        s.apply(Action::Undo, None).expect("undo");
    });
    s.apply(Action::Undo, None).expect("clean up");
}

fn first_addable(s: &Session) -> String {
    s.pool()
        .ixs()
        .find(|&ix| !s.draft().contains(ix) && s.preview(ix, None).allowed())
        .map(|ix| s.pool().candidate(ix).id.clone())
        .expect("someone can be added")
}

/// Open the database, build the search index and draw the first frame.
#[divan::bench(args = SIZES, sample_count = 10)]
fn cold_start_to_first_frame(b: Bencher, n: usize) {
    let db = database(n);
    b.bench_local(|| {
        let s = Session::open(&Config {
            db: db.clone(),
            ..config(Path::new("/nonexistent"))
        })
        .expect("open");
        let app = App::new(s, false, false, Rect::new(0, 0, 200, 50));
        let mut t = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
        t.draw(|f| view::render(f, &app)).expect("draw");
    });
}

/// Parse, validate and store 100k candidates (all or nothing, flushed).
#[divan::bench(sample_count = 3)]
fn import_100k_csv(b: Bencher) {
    let bytes = csv(100_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("pool-100k.csv");
    std::fs::write(&path, bytes).expect("write pool");
    let mut s = Session::open(&config(dir.path())).expect("open");
    b.bench_local(|| s.import_file(&path).expect("import").candidates);
}
