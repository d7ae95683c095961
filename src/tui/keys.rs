//! Terminal events → [`Msg`]. The only place that knows key bindings.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::app::{InputMode, Msg};

pub fn to_msg(event: &Event, mode: InputMode) -> Option<Msg> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => key(k, mode),
        Event::Mouse(m) if mode == InputMode::Normal => match m.kind {
            MouseEventKind::Down(_) => Some(Msg::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollUp => Some(Msg::ScrollUp {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Msg::ScrollDown {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Event::Paste(text) if mode == InputMode::Text => Some(Msg::Paste(text.clone())),
        Event::Resize(w, h) => Some(Msg::Resize {
            width: *w,
            height: *h,
        }),
        _ => None,
    }
}

fn key(k: &KeyEvent, mode: InputMode) -> Option<Msg> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(k.code, KeyCode::Char('c')) {
        return Some(Msg::Quit);
    }
    match mode {
        InputMode::Text => {
            return match k.code {
                KeyCode::Enter => Some(Msg::InputAccept),
                KeyCode::Esc => Some(Msg::InputCancel),
                KeyCode::Backspace => Some(Msg::InputBackspace),
                KeyCode::Char('u') if ctrl => Some(Msg::InputClear),
                KeyCode::Down | KeyCode::Tab => Some(Msg::InputAccept),
                KeyCode::Char(c) if !ctrl => Some(Msg::InputChar(c)),
                _ => None,
            };
        }
        InputMode::Choice => {
            return match k.code {
                KeyCode::Esc => Some(Msg::InputCancel),
                KeyCode::Char(c) => Some(Msg::Choose(c.to_ascii_lowercase())),
                _ => None,
            };
        }
        InputMode::List => {
            return match k.code {
                KeyCode::Up | KeyCode::Char('k') => Some(Msg::Up),
                KeyCode::Down | KeyCode::Char('j') => Some(Msg::Down),
                KeyCode::PageUp => Some(Msg::PageUp),
                KeyCode::PageDown => Some(Msg::PageDown),
                KeyCode::Enter => Some(Msg::InputAccept),
                KeyCode::Esc => Some(Msg::Escape),
                KeyCode::Char('q') => Some(Msg::Escape),
                KeyCode::Char(c) => Some(Msg::Choose(c)),
                _ => None,
            };
        }
        InputMode::Normal => {}
    }
    Some(match k.code {
        KeyCode::Char('r') if ctrl => Msg::Redo,
        KeyCode::Char('q') => Msg::Quit,
        KeyCode::Char('/') => Msg::StartFilter,
        KeyCode::Tab => Msg::NextPane,
        KeyCode::BackTab => Msg::PrevPane,
        KeyCode::Up | KeyCode::Char('k') => Msg::Up,
        KeyCode::Down | KeyCode::Char('j') => Msg::Down,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::PageDown => Msg::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Msg::Home,
        KeyCode::End | KeyCode::Char('G') => Msg::End,
        KeyCode::Enter | KeyCode::Char('a') => Msg::Add,
        KeyCode::Delete | KeyCode::Char('d') => Msg::Remove,
        KeyCode::Char('s') => Msg::MarkSwap,
        KeyCode::Char('r') => Msg::WithReason,
        KeyCode::Char('c') => Msg::CoChair,
        KeyCode::Char('v') => Msg::ViceChair,
        KeyCode::Char('u') => Msg::Undo,
        KeyCode::Char('n') => Msg::Note,
        KeyCode::Char('N') => Msg::RevealNotes,
        KeyCode::Char('f') => Msg::Flag,
        KeyCode::Char('l') => Msg::Shortlist,
        KeyCode::Char('.') => Msg::Discuss,
        KeyCode::Char('>') => Msg::DiscussNext,
        KeyCode::Char('<') => Msg::DiscussPrev,
        KeyCode::Char('i') | KeyCode::Char(' ') => Msg::Detail,
        KeyCode::Char('?') => Msg::Help,
        KeyCode::Char('L') => Msg::Log,
        KeyCode::Char('D') => Msg::Drafts,
        KeyCode::Char('S') => Msg::Suggest,
        KeyCode::Char('C') => Msg::Complete,
        KeyCode::Char('R') => Msg::Replace,
        KeyCode::Char('p') => Msg::TogglePresent,
        KeyCode::Char('o') => Msg::CycleSort,
        KeyCode::Char('O') => Msg::ReverseSort,
        KeyCode::Esc => Msg::Escape,
        _ => return None,
    })
}
