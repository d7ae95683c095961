//! Where each pane goes, computed from the terminal size alone so that
//! rendering and mouse hit-testing agree.

use ratatui::layout::{Constraint, Layout, Position, Rect};

/// Below this the panes cannot be read: show a message instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// From this width the three panes stand side by side.
const WIDE: u16 = 150;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub too_small: bool,
    pub header: Rect,
    pub pool: Rect,
    pub draft: Rect,
    pub rules: Rect,
    pub status: Rect,
}

pub fn areas(size: Rect, present: bool) -> Areas {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .split(size);
    let (header, body, status) = (rows[0], rows[1], rows[2]);
    let (pool, draft, rules) = if size.width >= WIDE {
        // Presentation gives the rules pane the most room: the room reads it.
        let split = if present { [36, 30, 34] } else { [44, 31, 25] };
        let cols = Layout::horizontal(split.map(Constraint::Percentage)).split(body);
        (cols[0], cols[1], cols[2])
    } else {
        let left_share = if present { 52 } else { 58 };
        let cols = Layout::horizontal([Constraint::Percentage(left_share), Constraint::Min(1)])
            .split(body);
        let left =
            Layout::vertical([Constraint::Percentage(55), Constraint::Min(1)]).split(cols[0]);
        (left[0], left[1], cols[1])
    };
    Areas {
        too_small: false,
        header,
        pool,
        draft,
        rules,
        status,
    }
}

impl Areas {
    /// Pool pane: border, filter line, column header, rows, border.
    pub fn pool_list(&self) -> Rect {
        inner_from(self.pool, 3)
    }

    /// Draft pane: border, column header, rows, border.
    pub fn draft_list(&self) -> Rect {
        inner_from(self.draft, 2)
    }

    pub fn pool_rows(&self) -> usize {
        usize::from(self.pool_list().height)
    }

    pub fn draft_rows(&self) -> usize {
        usize::from(self.draft_list().height)
    }

    pub fn rules_rows(&self) -> usize {
        usize::from(self.rules.height.saturating_sub(2))
    }

    pub fn pool_row_at(&self, p: Position) -> Option<usize> {
        let r = self.pool_list();
        r.contains(p).then(|| usize::from(p.y - r.y))
    }

    pub fn draft_row_at(&self, p: Position) -> Option<usize> {
        let r = self.draft_list();
        r.contains(p).then(|| usize::from(p.y - r.y))
    }
}

/// The part of a bordered pane below `top` lines (border included), above
/// the bottom border, inside the side borders.
fn inner_from(pane: Rect, top: u16) -> Rect {
    Rect {
        x: pane.x.saturating_add(1),
        y: pane.y.saturating_add(top),
        width: pane.width.saturating_sub(2),
        height: pane.height.saturating_sub(top + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fit_and_do_not_overlap() {
        for (w, h) in [(80, 24), (120, 40), (200, 50), (60, 15), (400, 120)] {
            for present in [false, true] {
                let size = Rect::new(0, 0, w, h);
                let a = areas(size, present);
                assert!(!a.too_small);
                for r in [a.pool, a.draft, a.rules] {
                    assert!(size.contains(r.as_position()) && r.right() <= w && r.bottom() <= h);
                    assert!(r.width >= 10 && r.height >= 4, "{w}x{h}: {r:?}");
                }
                assert!(a.pool.intersection(a.draft).is_empty());
                assert!(a.pool.intersection(a.rules).is_empty());
                assert!(a.draft.intersection(a.rules).is_empty());
            }
        }
        assert!(areas(Rect::new(0, 0, 1, 1), false).too_small);
    }
}
