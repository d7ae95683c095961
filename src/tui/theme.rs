//! Colours and emphasis. Every status also has a symbol (✓ ⚠ ✗), so colour
//! is never the only signal; `NO_COLOR` keeps only bold/reverse/underline.

use ratatui::style::{Color, Modifier, Style};

use crate::rules::Status;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub border: Style,
    pub focus_border: Style,
    pub title: Style,
    pub header: Style,
    pub selected: Style,
    pub marked: Style,
    pub matched: Style,
    pub dim: Style,
    pub ok: Style,
    pub warn: Style,
    pub fail: Style,
    pub changed: Style,
    pub section: Style,
}

impl Theme {
    pub fn new(present: bool, no_color: bool) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        if no_color {
            return Theme {
                base: Style::new(),
                border: Style::new(),
                focus_border: bold,
                title: bold,
                header: Style::new().add_modifier(Modifier::UNDERLINED),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                marked: bold.add_modifier(Modifier::UNDERLINED),
                matched: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                dim: Style::new(),
                ok: Style::new(),
                warn: bold,
                fail: bold,
                changed: bold.add_modifier(Modifier::UNDERLINED),
                section: bold,
            };
        }
        if present {
            // High contrast for projectors: white on black, bold accents,
            // no dim greys that wash out on a screen.
            let base = Style::new().fg(Color::White).bg(Color::Black);
            return Theme {
                base,
                border: base,
                focus_border: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
                title: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
                header: base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                marked: base.fg(Color::LightMagenta).add_modifier(Modifier::BOLD),
                matched: base
                    .fg(Color::LightCyan)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                dim: base,
                ok: base.fg(Color::LightGreen).add_modifier(Modifier::BOLD),
                warn: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
                fail: base.fg(Color::LightRed).add_modifier(Modifier::BOLD),
                changed: base.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
                section: base.add_modifier(Modifier::BOLD),
            };
        }
        Theme {
            base: Style::new(),
            border: Style::new().fg(Color::DarkGray),
            focus_border: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            title: bold,
            header: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            marked: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            ok: Style::new().fg(Color::Green),
            warn: Style::new().fg(Color::Yellow),
            fail: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            changed: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            section: bold,
        }
    }

    pub fn status(&self, s: Status) -> Style {
        match s {
            Status::Ok => self.ok,
            Status::Warn => self.warn,
            Status::Fail => self.fail,
        }
    }
}
