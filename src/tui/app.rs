//! TUI state and its update. Keys and mouse become [`Msg`]s; `App::update`
//! changes UI state and hands draft changes to the core [`Session`], which
//! stores them (flushed) before the screen shows them. Rendering only reads.

use ratatui::layout::{Position, Rect};
use serde::{Deserialize, Serialize};

use super::layout::{Areas, areas};
use crate::draft::Action;
use crate::pool::Ix;
use crate::search::{Hit, Query, SearchIndex, Sort};
use crate::session::{Error, Session};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pane {
    Pool,
    Draft,
    Rules,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Overlay {
    None,
    Help,
    Detail,
}

/// Everything the UI can be asked to do. Serializable so that keymaps and
/// scripted tests can name actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Msg {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    NextPane,
    PrevPane,
    StartFilter,
    FilterChar(char),
    FilterBackspace,
    FilterAccept,
    FilterCancel,
    /// Enter/a: add the highlighted pool candidate, or swap them in when a
    /// member is marked.
    Add,
    Remove,
    MarkSwap,
    Undo,
    Redo,
    Detail,
    Help,
    TogglePresent,
    CycleSort,
    ReverseSort,
    /// Esc outside the filter: close an overlay, or drop the swap mark.
    Escape,
    Click { column: u16, row: u16 },
    ScrollUp { column: u16, row: u16 },
    ScrollDown { column: u16, row: u16 },
    Resize { width: u16, height: u16 },
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Done,
    Refused,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub tone: Tone,
}

/// The filtered, sorted pool list and the cursor in it.
pub struct PoolView {
    pub filter_text: String,
    pub query: Query,
    pub editing: bool,
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub offset: usize,
    pub sort: Sort,
}

pub struct App {
    pub session: Session,
    pub index: SearchIndex,
    pub pool: PoolView,
    /// Seat index of the draft cursor.
    pub draft_selected: usize,
    pub draft_offset: usize,
    pub rules_offset: usize,
    pub focus: Pane,
    pub overlay: Overlay,
    /// The draft member marked with `s`, to be swapped for a pool candidate.
    pub swap_mark: Option<Ix>,
    pub present: bool,
    pub no_color: bool,
    pub status: StatusLine,
    pub quit: bool,
    pub size: Rect,
    /// Pool index → currently in the draft; rebuilt after each change.
    in_draft: Vec<bool>,
}

impl App {
    pub fn new(session: Session, present: bool, no_color: bool, size: Rect) -> App {
        let index = SearchIndex::new(session.pool());
        let mut app = App {
            index,
            pool: PoolView {
                filter_text: String::new(),
                query: Query::default(),
                editing: false,
                hits: Vec::new(),
                selected: 0,
                offset: 0,
                sort: Sort::default(),
            },
            draft_selected: 0,
            draft_offset: 0,
            rules_offset: 0,
            focus: Pane::Pool,
            overlay: Overlay::None,
            swap_mark: None,
            present,
            no_color,
            status: StatusLine { text: "Press ? for help, / to search the pool.".into(), tone: Tone::Info },
            quit: false,
            size,
            in_draft: Vec::new(),
            session,
        };
        app.refresh_draft();
        app
    }

    pub fn areas(&self) -> Areas {
        areas(self.size, self.present)
    }

    /// The pool candidate under the cursor.
    pub fn selected_candidate(&self) -> Option<Ix> {
        self.pool.hits.get(self.pool.selected).map(|h| h.ix)
    }

    /// The draft member under the cursor.
    pub fn selected_member(&self) -> Option<Ix> {
        self.session.draft().seats().get(self.draft_selected).copied().flatten()
    }

    /// Who the detail view and preview are about.
    pub fn focused_person(&self) -> Option<Ix> {
        match self.focus {
            Pane::Draft => self.selected_member(),
            _ => self.selected_candidate(),
        }
    }

    pub fn update(&mut self, msg: Msg) {
        if self.pool.editing {
            match msg {
                Msg::FilterChar(c) => {
                    self.pool.filter_text.push(c);
                    self.refilter();
                    return;
                }
                Msg::FilterBackspace => {
                    self.pool.filter_text.pop();
                    self.refilter();
                    return;
                }
                Msg::FilterAccept | Msg::Down => {
                    self.pool.editing = false;
                    return;
                }
                Msg::FilterCancel => {
                    self.pool.editing = false;
                    self.pool.filter_text.clear();
                    self.refilter();
                    return;
                }
                _ => {}
            }
        }
        if self.overlay != Overlay::None {
            match msg {
                Msg::Escape | Msg::Help | Msg::Detail | Msg::FilterCancel => {
                    self.overlay = Overlay::None;
                    return;
                }
                Msg::Quit => {}
                Msg::Resize { .. } | Msg::TogglePresent => {}
                _ => return,
            }
        }
        match msg {
            Msg::Up => self.move_cursor(-1),
            Msg::Down => self.move_cursor(1),
            Msg::PageUp => self.move_cursor(-(self.page() as isize)),
            Msg::PageDown => self.move_cursor(self.page() as isize),
            Msg::Home => self.move_cursor(isize::MIN / 2),
            Msg::End => self.move_cursor(isize::MAX / 2),
            Msg::NextPane => self.focus = next_pane(self.focus, 1),
            Msg::PrevPane => self.focus = next_pane(self.focus, 2),
            Msg::StartFilter => {
                self.focus = Pane::Pool;
                self.pool.editing = true;
            }
            Msg::FilterChar(_) | Msg::FilterBackspace | Msg::FilterAccept => {}
            Msg::FilterCancel | Msg::Escape => {
                if self.swap_mark.take().is_some() {
                    self.info("Swap cancelled.");
                }
            }
            Msg::Add => self.add_or_swap(),
            Msg::Remove => self.remove(),
            Msg::MarkSwap => self.mark_swap(),
            Msg::Undo => self.change(Action::Undo, "Undone"),
            Msg::Redo => self.change(Action::Redo, "Redone"),
            Msg::Detail => {
                if self.focused_person().is_some() {
                    self.overlay = Overlay::Detail;
                }
            }
            Msg::Help => self.overlay = Overlay::Help,
            Msg::TogglePresent => {
                self.present = !self.present;
                self.info(if self.present { "Presentation mode: personal details hidden." } else { "Presentation mode off." });
                self.clamp();
            }
            Msg::CycleSort => {
                self.pool.sort.column = self.pool.sort.column.next();
                self.pool.sort.explicit = true;
                self.resort();
            }
            Msg::ReverseSort => {
                self.pool.sort.descending = !self.pool.sort.descending;
                self.pool.sort.explicit = true;
                self.resort();
            }
            Msg::Click { column, row } => self.click(column, row),
            Msg::ScrollUp { column, row } => self.scroll(column, row, -3),
            Msg::ScrollDown { column, row } => self.scroll(column, row, 3),
            Msg::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                self.clamp();
            }
            Msg::Quit => self.quit = true,
        }
    }

    fn info(&mut self, text: impl Into<String>) {
        self.status = StatusLine { text: text.into(), tone: Tone::Info };
    }

    fn page(&self) -> usize {
        let a = self.areas();
        let h = match self.focus {
            Pane::Pool => a.pool_rows(),
            Pane::Draft => a.draft_rows(),
            Pane::Rules => a.rules_rows(),
        };
        h.max(1)
    }

    fn move_cursor(&mut self, delta: isize) {
        let step = |cur: usize, len: usize| -> usize {
            if len == 0 {
                return 0;
            }
            (cur as isize).saturating_add(delta).clamp(0, len as isize - 1) as usize
        };
        match self.focus {
            Pane::Pool => self.pool.selected = step(self.pool.selected, self.pool.hits.len()),
            Pane::Draft => self.draft_selected = step(self.draft_selected, self.session.draft().seats().len()),
            Pane::Rules => self.rules_offset = (self.rules_offset as isize + delta).max(0) as usize,
        }
        self.clamp();
    }

    /// Keeps cursors in range and visible after any change of list or size.
    fn clamp(&mut self) {
        let a = self.areas();
        let keep = |selected: &mut usize, offset: &mut usize, len: usize, rows: usize| {
            *selected = (*selected).min(len.saturating_sub(1));
            let rows = rows.max(1);
            if *selected < *offset {
                *offset = *selected;
            } else if *selected >= *offset + rows {
                *offset = *selected + 1 - rows;
            }
            *offset = (*offset).min(len.saturating_sub(rows));
        };
        keep(&mut self.pool.selected, &mut self.pool.offset, self.pool.hits.len(), a.pool_rows());
        let seats = self.session.draft().seats().len();
        keep(&mut self.draft_selected, &mut self.draft_offset, seats, a.draft_rows());
    }

    /// Re-runs the search after the filter text changed. When the new query
    /// only narrows the previous one, it searches within the previous hits.
    fn refilter(&mut self) {
        let query = Query::parse(&self.pool.filter_text);
        let narrow = !self.pool.query.is_empty() && query.narrows(&self.pool.query);
        let within = narrow.then(|| std::mem::take(&mut self.pool.hits));
        self.pool.query = query;
        self.search(within.as_deref());
    }

    fn search(&mut self, within: Option<&[Hit]>) {
        let in_draft = &self.in_draft;
        let include = |ix: Ix| !in_draft.get(ix as usize).copied().unwrap_or(false);
        self.pool.hits =
            self.index.search(self.session.pool(), self.session.rules(), &self.pool.query, within, &include, self.pool.sort);
        self.pool.selected = 0;
        self.pool.offset = 0;
        self.clamp();
    }

    fn resort(&mut self) {
        let by_score = self.pool.query.words().next().is_some();
        let pool = self.session.pool();
        self.index.sort(pool, &mut self.pool.hits, self.pool.sort, by_score);
        self.info(format!(
            "Pool sorted by {} ({}). o: next column, O: reverse.",
            self.pool.sort.column.label(),
            if self.pool.sort.descending { "descending" } else { "ascending" }
        ));
        self.clamp();
    }

    /// After a draft change: the pool list loses or regains people, keeping
    /// the cursor near where it was.
    fn refresh_draft(&mut self) {
        let n = self.session.pool().len();
        self.in_draft.clear();
        self.in_draft.resize(n, false);
        for ix in self.session.draft().members() {
            if let Some(b) = self.in_draft.get_mut(ix as usize) {
                *b = true;
            }
        }
        let keep = self.pool.selected;
        let offset = self.pool.offset;
        self.search(None);
        self.pool.selected = keep;
        self.pool.offset = offset;
        self.clamp();
    }

    fn add_or_swap(&mut self) {
        if self.focus != Pane::Pool {
            self.info("Select a candidate in the pool (Tab) and press Enter to add them.");
            return;
        }
        let Some(cand) = self.selected_candidate() else { return };
        let pool = self.session.pool();
        let incoming = pool.candidate(cand).id.clone();
        match self.swap_mark {
            Some(out) => {
                let outgoing = pool.candidate(out).id.clone();
                self.change(Action::Swap { outgoing, incoming }, "Swapped");
                if self.status.tone == Tone::Done {
                    self.swap_mark = None;
                }
            }
            None => self.change(Action::Add { id: incoming }, "Added"),
        }
    }

    fn remove(&mut self) {
        if self.focus != Pane::Draft {
            self.info("Select a member in the draft (Tab) and press d to remove them.");
            return;
        }
        let Some(m) = self.selected_member() else {
            self.info("That seat is empty.");
            return;
        };
        let id = self.session.pool().candidate(m).id.clone();
        if self.swap_mark == Some(m) {
            self.swap_mark = None;
        }
        self.change(Action::Remove { id }, "Removed");
    }

    fn mark_swap(&mut self) {
        if self.focus != Pane::Draft {
            self.info("Mark a draft member for a swap: select them in the draft (Tab) and press s.");
            return;
        }
        let Some(m) = self.selected_member() else {
            self.info("That seat is empty: nothing to swap.");
            return;
        };
        if self.swap_mark == Some(m) {
            self.swap_mark = None;
            self.info("Swap cancelled.");
            return;
        }
        self.swap_mark = Some(m);
        self.focus = Pane::Pool;
        let name = self.session.pool().candidate(m).name.clone();
        self.info(format!("Swapping out {name}: pick a candidate in the pool and press Enter (Esc cancels)."));
    }

    /// Hands a draft change to the session; only after it returns (stored
    /// and flushed) does the screen show it as done.
    fn change(&mut self, action: Action, verb: &str) {
        match self.session.apply(action, None) {
            Ok(step) => {
                let text = format!("{verb}: {} ✓ saved", self.describe(&step.change));
                self.refresh_draft();
                self.status = StatusLine { text, tone: Tone::Done };
            }
            Err(Error::Refused(r)) => {
                self.status = StatusLine { text: format!("Refused — {r}. Nothing changed."), tone: Tone::Refused };
            }
            Err(e) => {
                self.status = StatusLine { text: format!("Not saved — {e}"), tone: Tone::Refused };
            }
        }
    }

    fn describe(&self, change: &crate::draft::Change) -> String {
        use crate::draft::Change;
        let pool = self.session.pool();
        let name = |id: &str| pool.ix(id).map_or_else(|| id.to_owned(), |ix| pool.candidate(ix).name.clone());
        match change {
            Change::Add { id, seat } => format!("{} to seat {}", name(id), seat + 1),
            Change::Remove { id, seat } => format!("{} from seat {}", name(id), seat + 1),
            Change::Swap { outgoing, incoming, seat } => {
                format!("seat {}: {} → {}", seat + 1, name(outgoing), name(incoming))
            }
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let a = self.areas();
        let p = Position::new(column, row);
        if let Some(i) = a.pool_row_at(p) {
            self.focus = Pane::Pool;
            let target = self.pool.offset + i;
            if target < self.pool.hits.len() {
                self.pool.selected = target;
            }
        } else if let Some(i) = a.draft_row_at(p) {
            self.focus = Pane::Draft;
            let target = self.draft_offset + i;
            if target < self.session.draft().seats().len() {
                self.draft_selected = target;
            }
        } else if a.rules.contains(p) {
            self.focus = Pane::Rules;
        }
        self.clamp();
    }

    fn scroll(&mut self, column: u16, row: u16, delta: isize) {
        let a = self.areas();
        let p = Position::new(column, row);
        let before = self.focus;
        self.focus = if a.pool.contains(p) {
            Pane::Pool
        } else if a.draft.contains(p) {
            Pane::Draft
        } else if a.rules.contains(p) {
            Pane::Rules
        } else {
            return;
        };
        self.move_cursor(delta);
        self.focus = before;
    }
}

fn next_pane(p: Pane, steps: usize) -> Pane {
    const ORDER: [Pane; 3] = [Pane::Pool, Pane::Draft, Pane::Rules];
    let i = ORDER.iter().position(|x| *x == p).unwrap_or(0);
    ORDER[(i + steps) % 3]
}
