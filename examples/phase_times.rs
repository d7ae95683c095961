//! Times the phases of opening a large database (for BENCHMARKS.md):
//! `cargo run --release --example phase_times -- 100000`.

use std::path::Path;
use std::time::Instant;

use panel_draft::import::parse_pool;
use panel_draft::reference::Reference;
use panel_draft::session::{Config, Session};

fn rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_owned() + " kB")
        })
        .unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let Some(db) = std::env::args().nth(2) {
        // Open an existing database and report resident memory per phase.
        let reference = Reference::bundled()?;
        println!("start: {}", rss());
        let store = panel_draft::store::Store::open(Path::new(&db))?;
        println!("store open: {}", rss());
        let stored = store.load_pool()?;
        println!("pool loaded: {}", rss());
        let pool = panel_draft::pool::Pool::new(stored, &reference);
        println!("facts derived: {} ({} candidates)", rss(), pool.len());
        let index = panel_draft::search::SearchIndex::new(&pool);
        println!("search index: {}", rss());
        drop((index, pool, store));
        return Ok(());
    }
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile_dir()?;
    let mut csv = Vec::new();
    let t = Instant::now();
    panel_draft::generate::write_pool_csv(n, panel_draft::generate::DEFAULT_SEED, &mut csv)?;
    println!("generate {n}: {:?}", t.elapsed());
    let reference = Reference::bundled()?;
    let t = Instant::now();
    let outcome = parse_pool(Path::new("pool.csv"), &csv, &reference)?;
    println!("parse: {:?}", t.elapsed());
    let cfg = Config {
        db: dir.join("db"),
        rules: None,
        countries: None,
        aliases: None,
        member: "t".into(),
        draft: None,
    };
    let mut s = Session::open(&cfg)?;
    let t = Instant::now();
    s.import(outcome, "pool.csv")?;
    println!("store (import into empty db): {:?}", t.elapsed());
    drop(s);
    let t = Instant::now();
    let store = panel_draft::store::Store::open(&cfg.db)?;
    println!("  store open: {:?}", t.elapsed());
    let t = Instant::now();
    let stored = store.load_pool()?;
    println!("  load pool (read + decode): {:?}", t.elapsed());
    let t = Instant::now();
    let pool = panel_draft::pool::Pool::new(stored, &reference);
    println!(
        "  derive facts: {:?} ({} candidates)",
        t.elapsed(),
        pool.len()
    );
    drop(pool);
    drop(store);
    let t = Instant::now();
    let s = Session::open(&cfg)?;
    println!("open session: {:?}", t.elapsed());
    let t = Instant::now();
    let app =
        panel_draft::tui::App::new(s, false, false, ratatui::layout::Rect::new(0, 0, 200, 50));
    println!("app (index + first search): {:?}", t.elapsed());
    println!(
        "rss: {}",
        std::fs::read_to_string("/proc/self/status")?
            .lines()
            .find(|l| l.starts_with("VmRSS"))
            .unwrap_or("")
    );
    drop(app);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let d = std::env::temp_dir().join(format!("panel-draft-phases-{}", std::process::id()));
    std::fs::create_dir_all(&d)?;
    Ok(d)
}
