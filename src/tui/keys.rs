//! Terminal events → [`Msg`]. The only place that knows key bindings.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::app::Msg;

pub fn to_msg(event: &Event, editing_filter: bool) -> Option<Msg> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => key(k, editing_filter),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => Some(Msg::Click { column: m.column, row: m.row }),
            MouseEventKind::ScrollUp => Some(Msg::ScrollUp { column: m.column, row: m.row }),
            MouseEventKind::ScrollDown => Some(Msg::ScrollDown { column: m.column, row: m.row }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Msg::Resize { width: *w, height: *h }),
        Event::Paste(text) if editing_filter => text.chars().next().map(Msg::FilterChar),
        _ => None,
    }
}

fn key(k: &KeyEvent, editing: bool) -> Option<Msg> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(k.code, KeyCode::Char('c')) {
        return Some(Msg::Quit);
    }
    if editing {
        return match k.code {
            KeyCode::Enter => Some(Msg::FilterAccept),
            KeyCode::Esc => Some(Msg::FilterCancel),
            KeyCode::Backspace => Some(Msg::FilterBackspace),
            KeyCode::Down | KeyCode::Tab => Some(Msg::FilterAccept),
            KeyCode::Char(c) if !ctrl => Some(Msg::FilterChar(c)),
            _ => None,
        };
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
        KeyCode::Char('u') => Msg::Undo,
        KeyCode::Char('i') | KeyCode::Char(' ') => Msg::Detail,
        KeyCode::Char('?') => Msg::Help,
        KeyCode::Char('p') => Msg::TogglePresent,
        KeyCode::Char('o') => Msg::CycleSort,
        KeyCode::Char('O') => Msg::ReverseSort,
        KeyCode::Esc => Msg::Escape,
        _ => return None,
    })
}
