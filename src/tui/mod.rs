//! The live deliberation terminal UI: pool, draft and rules panes over a
//! core [`Session`]. Thin: no rule logic here.

pub mod app;
pub mod keys;
pub mod layout;
pub mod lookahead;
mod terminal;
pub mod theme;
pub mod view;

use futures::StreamExt;
use ratatui::layout::Rect;

pub use app::{App, Msg};

use crate::session::{Config, Error, Session};

/// Opens the database (importing the bundled sample pool into an empty
/// one), runs the UI until quit or a signal, and restores the terminal.
pub fn run(cfg: &Config, present: bool) -> Result<i32, Error> {
    let mut session = Session::open(cfg)?;
    if session.pool().is_empty() {
        session.import_sample()?;
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            Error::Store(crate::store::StoreError::Io {
                dir: cfg.db.clone(),
                detail: format!("cannot start: {e}"),
            })
        })?;
    let result = runtime.block_on(event_loop(session, present, no_color));
    result.map(|()| 0).map_err(|e| {
        Error::Store(crate::store::StoreError::Io {
            dir: cfg.db.clone(),
            detail: format!("terminal error: {e}"),
        })
    })
}

async fn event_loop(session: Session, present: bool, no_color: bool) -> std::io::Result<()> {
    let mut guard = terminal::Guard::enter()?;
    let size = guard.terminal.size()?;
    let mut app = App::new(
        session,
        present,
        no_color,
        Rect::new(0, 0, size.width, size.height),
    );
    let mut events = crossterm::event::EventStream::new();
    let mut signals = terminal::Signals::new()?;
    let (worker, mut results) = spawn_worker();
    let mut dirty = true;
    // At most one frame per FRAME: a burst of events (typing, pasting, the
    // wheel) is handled event by event but drawn once.
    let mut last_draw = tokio::time::Instant::now() - FRAME;
    while !app.quit {
        if let Some(job) = app.lookahead_job() {
            worker.submit(job);
        }
        if dirty && last_draw.elapsed() >= FRAME {
            guard.terminal.draw(|f| view::render(f, &app))?;
            last_draw = tokio::time::Instant::now();
            dirty = false;
        }
        tokio::select! {
            ev = events.next() => {
                let Some(ev) = ev else { break };
                dirty |= handle(&mut app, &ev?);
            }
            Some(outcome) = results.recv() => {
                app.lookahead_result(outcome);
                dirty = true;
            }
            _ = signals.recv() => app.quit = true,
            () = tokio::time::sleep_until(last_draw + FRAME), if dirty => {}
        }
    }
    // Every change was flushed when it was made; dropping the guard restores the terminal.
    drop(guard);
    Ok(())
}

/// Shortest time between two frames (60 per second).
const FRAME: std::time::Duration = std::time::Duration::from_millis(16);

/// The look-ahead worker: one thread, always working on the newest job.
struct Worker {
    jobs: std::sync::mpsc::Sender<lookahead::Job>,
    latest: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Worker {
    fn submit(&self, job: lookahead::Job) {
        self.latest
            .store(job.generation, std::sync::atomic::Ordering::Relaxed);
        // A closed channel means the worker is gone: the look-ahead stays "checking".
        let _ = self.jobs.send(job);
    }
}

fn spawn_worker() -> (
    Worker,
    tokio::sync::mpsc::UnboundedReceiver<lookahead::Outcome>,
) {
    let (jobs, inbox) = std::sync::mpsc::channel::<lookahead::Job>();
    let (out, results) = tokio::sync::mpsc::unbounded_channel();
    let latest = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let seen = latest.clone();
    std::thread::spawn(move || {
        while let Ok(mut job) = inbox.recv() {
            // Skip to the newest request.
            while let Ok(newer) = inbox.try_recv() {
                job = newer;
            }
            lookahead::run(&job, &seen, &mut |o| {
                let _ = out.send(o);
            });
        }
    });
    (Worker { jobs, latest }, results)
}

fn handle(app: &mut App, ev: &crossterm::event::Event) -> bool {
    match keys::to_msg(ev, app.input_mode()) {
        Some(msg) => {
            app.update(msg);
            true
        }
        None => false,
    }
}
