//! Entering and leaving the terminal UI. The terminal is restored on every
//! exit path: normal quit, error (guard drop), panic (hook) and
//! SIGTERM/SIGHUP/SIGINT (the event loop quits and the guard drops).

use std::io::stdout;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

pub struct Guard {
    pub terminal: DefaultTerminal,
}

impl Guard {
    pub fn enter() -> std::io::Result<Guard> {
        // ratatui::init enters raw mode and the alternate screen and
        // installs a panic hook that restores them; we chain our own hook
        // first to turn off mouse capture and bracketed paste too.
        let terminal = ratatui::try_init()?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave_extras();
            previous(info);
        }));
        execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        Ok(Guard { terminal })
    }
}

fn leave_extras() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
}

impl Drop for Guard {
    fn drop(&mut self) {
        leave_extras();
        ratatui::restore();
    }
}

/// Signals that end the session cleanly.
pub struct Signals {
    #[cfg(unix)]
    term: tokio::signal::unix::Signal,
    #[cfg(unix)]
    hup: tokio::signal::unix::Signal,
    #[cfg(unix)]
    int: tokio::signal::unix::Signal,
}

impl Signals {
    #[cfg(unix)]
    pub fn new() -> std::io::Result<Signals> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Signals {
            term: signal(SignalKind::terminate())?,
            hup: signal(SignalKind::hangup())?,
            int: signal(SignalKind::interrupt())?,
        })
    }

    #[cfg(not(unix))]
    pub fn new() -> std::io::Result<Signals> {
        Ok(Signals {})
    }

    #[cfg(unix)]
    pub async fn recv(&mut self) {
        tokio::select! {
            _ = self.term.recv() => {}
            _ = self.hup.recv() => {}
            _ = self.int.recv() => {}
        }
    }

    #[cfg(not(unix))]
    pub async fn recv(&mut self) {
        let _ = tokio::signal::ctrl_c().await;
    }
}
