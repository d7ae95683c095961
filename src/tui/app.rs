//! TUI state and its update. Keys and mouse become [`Msg`]s; `App::update`
//! changes UI state and hands every change to the core [`Session`], which
//! stores it (flushed) before the screen shows it as done. Rendering only
//! reads.

use ratatui::layout::{Position, Rect};
use serde::{Deserialize, Serialize};

use super::layout::{Areas, areas};
use crate::domain::Role;
use crate::draft::{Action, RoleFate};
use crate::export::Comparison;
use crate::pool::Ix;
use crate::rules::{RuleChange, Status, preview_remove};
use crate::search::{Hit, Query, Scope, SearchIndex, Sort};
use crate::session::{Applied, Error, Session};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pane {
    Pool,
    Draft,
    Rules,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    None,
    Help,
    Detail,
    Log,
    Drafts,
    Compare(Box<Comparison>),
    /// Ranked candidates: suggestions, a proposed completion, or who could
    /// take a member's seat.
    Picks(Picks),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickKind {
    Suggest,
    /// Accepted or rejected one by one; never applied as a whole.
    Complete,
    /// Replacements for this member.
    Replace(Ix),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Picks {
    pub kind: PickKind,
    pub items: Vec<crate::feasibility::Suggestion>,
    pub selected: usize,
}

/// What a text prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextPurpose {
    /// A reason to log with `action`; `breaks` lists the balance rules the
    /// change would break (then a reason is required).
    Reason {
        action: Action,
        breaks: Vec<String>,
    },
    Note {
        id: String,
    },
    NewDraft,
    CloneDraft,
    RenameDraft {
        from: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    Text {
        purpose: TextPurpose,
        text: String,
    },
    /// An office holder is leaving: keep the office (swap) or vacate it.
    RoleFate {
        action: Action,
        name: String,
        role: Role,
        can_transfer: bool,
    },
    ConfirmDelete {
        draft: String,
    },
}

/// How keys are read right now (see `keys::to_msg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    Normal,
    /// Typing into the filter or a text prompt.
    Text,
    /// A one-letter choice (role fate, confirmation).
    Choice,
    /// A list overlay (drafts, log): arrows, Enter, letters.
    List,
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
    InputChar(char),
    /// Pasted text (bracketed paste), typed into the filter or a prompt.
    Paste(String),
    /// Ctrl-U: clear the line being typed.
    InputClear,
    InputBackspace,
    InputAccept,
    InputCancel,
    /// A letter in a choice prompt or list overlay.
    Choose(char),
    /// Enter/a: add the highlighted pool candidate, or swap them in when a
    /// member is marked.
    Add,
    Remove,
    MarkSwap,
    /// r: the next add/swap/remove, with a typed reason for the log.
    WithReason,
    CoChair,
    ViceChair,
    Undo,
    Redo,
    Note,
    Flag,
    Shortlist,
    /// Discuss the highlighted person (again: stop).
    Discuss,
    DiscussNext,
    DiscussPrev,
    /// In the detail view in presentation mode: show the notes.
    RevealNotes,
    Detail,
    Help,
    Log,
    Drafts,
    /// S: candidates who best close the open gaps.
    Suggest,
    /// C: a proposed completion, to accept or reject member by member.
    Complete,
    /// R on a draft member: who could take their seat.
    Replace,
    TogglePresent,
    CycleSort,
    ReverseSort,
    /// Esc: close an overlay, or drop the swap mark.
    Escape,
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
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

/// Longest filter text: longer input is ignored (a fuzzy pattern that long
/// matches nothing and only costs time).
const MAX_FILTER: usize = 200;

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
    pub prompt: Option<Prompt>,
    /// The draft member marked with `s`, to be swapped for a pool candidate.
    pub swap_mark: Option<Ix>,
    pub present: bool,
    pub no_color: bool,
    /// Presentation mode hides notes until the facilitator opens them.
    pub notes_revealed: bool,
    /// Scroll position of the help and detail views.
    pub overlay_offset: u16,
    pub status: StatusLine,
    pub quit: bool,
    pub size: Rect,
    /// Drafts overlay: names with member counts, and the cursor.
    pub drafts: Vec<(String, u32)>,
    pub drafts_selected: usize,
    /// Log overlay: lines, newest first, and the scroll position.
    pub log_lines: Vec<String>,
    pub log_offset: usize,
    /// Pool index → currently in the draft; rebuilt after each change.
    in_draft: Vec<bool>,
    /// Set by `r`: the next change asks for a reason.
    reason_next: bool,
    /// The latest look-ahead (computed off the input path).
    pub lookahead: super::lookahead::State,
    /// The rules report of the current draft, recomputed after each change
    /// rather than at each frame.
    pub report: crate::rules::Report,
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
            prompt: None,
            swap_mark: None,
            present,
            no_color,
            notes_revealed: false,
            overlay_offset: 0,
            status: StatusLine {
                text: "Press ? for help, / to search the pool.".into(),
                tone: Tone::Info,
            },
            quit: false,
            size,
            drafts: Vec::new(),
            drafts_selected: 0,
            log_lines: Vec::new(),
            log_offset: 0,
            in_draft: Vec::new(),
            reason_next: false,
            lookahead: super::lookahead::State::default(),
            report: session.report(),
            session,
        };
        app.refresh_draft();
        app
    }

    pub fn areas(&self) -> Areas {
        areas(self.size, self.present)
    }

    pub fn input_mode(&self) -> InputMode {
        match &self.prompt {
            Some(Prompt::Text { .. }) => return InputMode::Text,
            Some(_) => return InputMode::Choice,
            None => {}
        }
        if self.pool.editing {
            return InputMode::Text;
        }
        match self.overlay {
            Overlay::Drafts | Overlay::Log | Overlay::Picks(_) => InputMode::List,
            _ => InputMode::Normal,
        }
    }

    /// The pool candidate under the cursor.
    pub fn selected_candidate(&self) -> Option<Ix> {
        self.pool.hits.get(self.pool.selected).map(|h| h.ix)
    }

    /// The draft member under the cursor.
    pub fn selected_member(&self) -> Option<Ix> {
        self.session
            .draft()
            .seats()
            .get(self.draft_selected)
            .copied()
            .flatten()
    }

    /// Who the detail view, notes and flags are about.
    pub fn focused_person(&self) -> Option<Ix> {
        match self.focus {
            Pane::Draft => self.selected_member(),
            Pane::Rules => self
                .session
                .discussing()
                .or_else(|| self.selected_candidate()),
            Pane::Pool => self.selected_candidate(),
        }
    }

    pub fn is_in_draft(&self, ix: Ix) -> bool {
        self.in_draft.get(ix as usize).copied().unwrap_or(false)
    }

    pub fn update(&mut self, msg: Msg) {
        if self.prompt.is_some() {
            self.update_prompt(msg);
            return;
        }
        if self.pool.editing {
            match msg {
                Msg::InputChar(c) if self.pool.filter_text.chars().count() < MAX_FILTER => {
                    self.pool.filter_text.push(c);
                    self.refilter();
                }
                Msg::Paste(text) => {
                    let room = MAX_FILTER.saturating_sub(self.pool.filter_text.chars().count());
                    self.pool
                        .filter_text
                        .extend(text.chars().filter(|c| !c.is_control()).take(room));
                    self.refilter();
                }
                Msg::InputClear => {
                    self.pool.filter_text.clear();
                    self.refilter();
                }
                Msg::InputBackspace => {
                    self.pool.filter_text.pop();
                    self.refilter();
                }
                Msg::InputAccept | Msg::Down => self.pool.editing = false,
                Msg::InputCancel => {
                    self.pool.editing = false;
                    self.pool.filter_text.clear();
                    self.refilter();
                }
                Msg::Resize { width, height } => self.resize(width, height),
                Msg::Quit => self.quit = true,
                _ => {}
            }
            return;
        }
        match self.overlay {
            Overlay::None => {}
            Overlay::Drafts => return self.update_drafts(msg),
            Overlay::Log => return self.update_log(msg),
            Overlay::Picks(_) => return self.update_picks(msg),
            _ => {
                match msg {
                    Msg::Escape | Msg::Help | Msg::Detail | Msg::InputCancel => {
                        self.overlay = Overlay::None
                    }
                    Msg::RevealNotes => self.notes_revealed = !self.notes_revealed,
                    // Long help and detail views scroll.
                    Msg::Up => self.overlay_offset = self.overlay_offset.saturating_sub(1),
                    Msg::Down => {
                        self.overlay_offset = self.overlay_offset.saturating_add(1).min(200)
                    }
                    Msg::PageUp => self.overlay_offset = self.overlay_offset.saturating_sub(10),
                    Msg::PageDown => {
                        self.overlay_offset = self.overlay_offset.saturating_add(10).min(200)
                    }
                    Msg::Quit => self.quit = true,
                    Msg::Resize { width, height } => self.resize(width, height),
                    Msg::TogglePresent => self.toggle_present(),
                    _ => {}
                }
                return;
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
            Msg::InputChar(_)
            | Msg::InputBackspace
            | Msg::InputAccept
            | Msg::InputClear
            | Msg::Paste(_)
            | Msg::Choose(_) => {}
            Msg::InputCancel | Msg::Escape => {
                // Esc undoes the most recent "mode": a swap, then a kept filter.
                if self.swap_mark.take().is_some() {
                    self.request_lookahead();
                    self.info("Swap cancelled.");
                } else if !self.pool.filter_text.is_empty() {
                    self.pool.filter_text.clear();
                    self.refilter();
                    self.info("Filter cleared.");
                }
                self.reason_next = false;
            }
            Msg::Add => self.add_or_swap(),
            Msg::Remove => self.remove(),
            Msg::MarkSwap => self.mark_swap(),
            Msg::WithReason => {
                self.reason_next = true;
                self.info("The next change will ask for a reason for the log (Esc cancels).");
            }
            Msg::CoChair => self.toggle_role(Role::CoChair),
            Msg::ViceChair => self.toggle_role(Role::ViceChair),
            Msg::Undo => self.attempt(Action::Undo, None),
            Msg::Redo => self.attempt(Action::Redo, None),
            Msg::Note => {
                if let Some(ix) = self.focused_person() {
                    let id = self.session.pool().candidate(ix).id.clone();
                    self.prompt = Some(Prompt::Text {
                        purpose: TextPurpose::Note { id },
                        text: String::new(),
                    });
                }
            }
            Msg::Flag => self.toggle_mark(true),
            Msg::Shortlist => self.toggle_mark(false),
            Msg::Discuss => self.discuss_focused(),
            Msg::DiscussNext => self.discuss_step(true),
            Msg::DiscussPrev => self.discuss_step(false),
            Msg::RevealNotes => {}
            Msg::Detail => {
                if self.focused_person().is_some() {
                    self.notes_revealed = false;
                    self.overlay_offset = 0;
                    self.overlay = Overlay::Detail;
                }
            }
            Msg::Help => {
                self.overlay_offset = 0;
                self.overlay = Overlay::Help;
            }
            Msg::Log => self.open_log(),
            Msg::Drafts => self.open_drafts(),
            Msg::Suggest => self.open_picks(PickKind::Suggest),
            Msg::Complete => self.open_picks(PickKind::Complete),
            Msg::Replace => match (self.focus, self.selected_member()) {
                (Pane::Draft, Some(m)) => self.open_picks(PickKind::Replace(m)),
                _ => self
                    .info("Select a draft member (Tab), then R to see who could take their seat."),
            },
            Msg::TogglePresent => self.toggle_present(),
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
            Msg::Resize { width, height } => self.resize(width, height),
            Msg::Quit => self.quit = true,
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        self.clamp();
    }

    fn toggle_present(&mut self) {
        self.present = !self.present;
        self.notes_revealed = false;
        self.info(if self.present {
            "Presentation mode: personal details hidden."
        } else {
            "Presentation mode off."
        });
        self.clamp();
    }

    fn info(&mut self, text: impl Into<String>) {
        self.status = StatusLine {
            text: text.into(),
            tone: Tone::Info,
        };
    }

    fn refused(&mut self, text: impl Into<String>) {
        self.status = StatusLine {
            text: text.into(),
            tone: Tone::Refused,
        };
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
            (cur as isize)
                .saturating_add(delta)
                .clamp(0, len as isize - 1) as usize
        };
        match self.focus {
            Pane::Pool => self.pool.selected = step(self.pool.selected, self.pool.hits.len()),
            Pane::Draft => {
                self.draft_selected = step(self.draft_selected, self.session.draft().seats().len())
            }
            Pane::Rules => {
                self.rules_offset = (self.rules_offset as isize)
                    .saturating_add(delta)
                    .clamp(0, 200) as usize
            }
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
        keep(
            &mut self.pool.selected,
            &mut self.pool.offset,
            self.pool.hits.len(),
            a.pool_rows(),
        );
        let seats = self.session.draft().seats().len();
        keep(
            &mut self.draft_selected,
            &mut self.draft_offset,
            seats,
            a.draft_rows(),
        );
    }

    /// Re-runs the search after the filter text changed. When the new query
    /// only narrows the previous one, it searches within the previous hits.
    fn refilter(&mut self) {
        let query = Query::parse(&self.pool.filter_text);
        let narrow = !self.pool.query.is_empty() && query.narrows(&self.pool.query);
        let within = narrow.then(|| std::mem::take(&mut self.pool.hits));
        self.pool.query = query;
        self.search(within.as_deref());
        self.pool.selected = 0;
        self.pool.offset = 0;
    }

    fn search(&mut self, within: Option<&[Hit]>) {
        // Who declared a conflict is personal: the filter is off on a projector.
        if self.present {
            let conflict = crate::search::Term::Filter(crate::search::Filter::Conflict);
            if self.pool.query.terms.contains(&conflict) {
                self.pool.query.terms.retain(|t| *t != conflict);
                self.info("The conflict filter is off in presentation mode.");
            }
        }
        let in_draft = &self.in_draft;
        let pool = self.session.pool();
        let ann = self.session.annotations();
        let include = |ix: Ix| !in_draft.get(ix as usize).copied().unwrap_or(false);
        let flagged = |ix: Ix| ann.is_flagged(&pool.candidate(ix).id);
        let shortlisted = |ix: Ix| ann.is_shortlisted(&pool.candidate(ix).id);
        let la = &self.lookahead;
        let swap = self.swap_mark;
        let keeps = |ix: Ix| la.keeps(ix, swap) != Some(false);
        let known = la.marks_complete && la.marks.as_ref().is_some_and(|(r, _)| *r == swap);
        let scope = Scope {
            include: &include,
            flagged: &flagged,
            shortlisted: &shortlisted,
            keeps_feasible: known.then_some(&keeps as &dyn Fn(Ix) -> bool),
        };
        self.pool.hits = self.index.search(
            pool,
            self.session.rules(),
            &self.pool.query,
            within,
            &scope,
            self.pool.sort,
        );
        self.clamp();
    }

    fn resort(&mut self) {
        let by_score = self.pool.query.words().next().is_some();
        let pool = self.session.pool();
        self.index
            .sort(pool, &mut self.pool.hits, self.pool.sort, by_score);
        self.info(format!(
            "Pool sorted by {} ({}). o: next column, O: reverse.",
            self.pool.sort.column.label(),
            if self.pool.sort.descending {
                "descending"
            } else {
                "ascending"
            }
        ));
        self.clamp();
    }

    /// Re-reads everything derived from the session (pool list, rules
    /// report, look-ahead). Changes made through `update` do this
    /// themselves; call it after changing `session` directly (a test, or
    /// later a change pushed by another terminal).
    pub fn refresh(&mut self) {
        self.refresh_draft();
    }

    /// After a change: the pool list loses or regains people, keeping the
    /// cursor where it was.
    fn refresh_draft(&mut self) {
        let n = self.session.pool().len();
        self.in_draft.clear();
        self.in_draft.resize(n, false);
        for ix in self.session.draft().members() {
            if let Some(b) = self.in_draft.get_mut(ix as usize) {
                *b = true;
            }
        }
        if self.swap_mark.is_some_and(|m| !self.is_in_draft(m)) {
            self.swap_mark = None;
        }
        self.report = self.session.report();
        self.request_lookahead();
        self.search(None);
    }

    fn add_or_swap(&mut self) {
        if self.focus != Pane::Pool {
            self.info("Select a candidate in the pool (Tab) and press Enter to add them.");
            return;
        }
        let Some(cand) = self.selected_candidate() else {
            return;
        };
        let pool = self.session.pool();
        let incoming = pool.candidate(cand).id.clone();
        let action = match self.swap_mark {
            Some(out) => Action::Swap {
                outgoing: pool.candidate(out).id.clone(),
                incoming,
                role: None,
            },
            None => Action::Add { id: incoming },
        };
        self.attempt(action, None);
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
        self.attempt(Action::Remove { id, role: None }, None);
    }

    fn mark_swap(&mut self) {
        if self.focus != Pane::Draft {
            self.info(
                "Mark a draft member for a swap: select them in the draft (Tab) and press s.",
            );
            return;
        }
        let Some(m) = self.selected_member() else {
            self.info("That seat is empty: nothing to swap.");
            return;
        };
        if self.swap_mark == Some(m) {
            self.swap_mark = None;
            self.request_lookahead();
            self.info("Swap cancelled.");
            return;
        }
        self.swap_mark = Some(m);
        self.request_lookahead();
        self.focus = Pane::Pool;
        let name = self.session.pool().candidate(m).name.clone();
        self.info(format!(
            "Swapping out {name}: pick a candidate in the pool and press Enter (Esc cancels)."
        ));
    }

    fn toggle_role(&mut self, role: Role) {
        if self.focus != Pane::Draft {
            self.info("Offices are for draft members: select one in the draft (Tab), then c or v.");
            return;
        }
        let Some(m) = self.selected_member() else {
            return;
        };
        let id = self.session.pool().candidate(m).id.clone();
        let new = if self.session.draft().role_of(&id) == Some(role) {
            None
        } else {
            Some(role)
        };
        self.attempt(Action::SetRole { id, role: new }, None);
    }

    fn toggle_mark(&mut self, flag: bool) {
        let Some(ix) = self.focused_person() else {
            return;
        };
        let id = self.session.pool().candidate(ix).id.clone();
        let ann = self.session.annotations();
        let action = if flag {
            Action::Flag {
                on: !ann.is_flagged(&id),
                id,
            }
        } else {
            Action::Shortlist {
                on: !ann.is_shortlisted(&id),
                id,
            }
        };
        self.attempt(action, None);
    }

    fn discuss_focused(&mut self) {
        let Some(ix) = self.focused_person() else {
            return;
        };
        let id = self.session.pool().candidate(ix).id.clone();
        let same = self.session.discussing() == Some(ix);
        self.attempt(
            Action::Discuss {
                id: (!same).then_some(id),
            },
            None,
        );
    }

    fn discuss_step(&mut self, forward: bool) {
        let queue = self.session.annotations().queue();
        let current = self
            .session
            .discussing()
            .map(|ix| self.session.pool().candidate(ix).id.clone());
        match crate::cli::step_queue(&queue, current.as_deref(), forward) {
            Some(id) => self.attempt(Action::Discuss { id: Some(id) }, None),
            None => self.info("The discussion queue is empty: flag candidates with f."),
        }
    }

    /// Balance rules (✓ now) that `action` would turn ✗: the committee is
    /// asked for a reason before such a change.
    fn breaks(&self, action: &Action) -> Vec<String> {
        let s = &self.session;
        let pool = s.pool();
        let preview = match action {
            Action::Add { id } => pool.ix(id).map(|ix| s.preview(ix, None)),
            Action::Swap {
                outgoing, incoming, ..
            } => pool.ix(incoming).map(|ix| s.preview(ix, pool.ix(outgoing))),
            Action::Remove { id, .. } => pool
                .ix(id)
                .map(|ix| preview_remove(s.rules(), s.draft().counters(), pool.facts(ix))),
            _ => None,
        };
        let Some(p) = preview else { return Vec::new() };
        if !p.allowed() {
            return Vec::new();
        }
        let broken =
            |c: &&RuleChange| c.status_before != Status::Fail && c.status_after == Status::Fail;
        p.changes
            .iter()
            .filter(broken)
            .map(|c| c.label.clone())
            .collect()
    }

    /// Every change goes through here: office holders leaving get a
    /// question, changes that break a balance rule get a reason prompt,
    /// then the session stores the change before the screen says so.
    fn attempt(&mut self, action: Action, reason: Option<String>) {
        let s = &self.session;
        // An office holder leaving: ask what becomes of the office.
        let leaving = match &action {
            Action::Remove { id, role: None } => Some((id, false)),
            Action::Swap {
                outgoing,
                role: None,
                ..
            } => Some((outgoing, true)),
            _ => None,
        };
        if let Some((id, can_transfer)) = leaving
            && let Some(role) = s.draft().role_of(id)
        {
            let name = s
                .pool()
                .ix(id)
                .map_or_else(|| id.clone(), |ix| s.pool().candidate(ix).name.clone());
            self.prompt = Some(Prompt::RoleFate {
                action,
                name,
                role,
                can_transfer,
            });
            return;
        }
        if reason.is_none() {
            let breaks = self.breaks(&action);
            // `r` asks for a reason for whatever change comes next, unless
            // the hard rules refuse it anyway.
            let allowed = !action.is_draft_change()
                || self
                    .session
                    .draft()
                    .plan(self.session.pool(), self.session.rules(), action.clone())
                    .is_ok();
            let ask = self.reason_next && allowed;
            if !breaks.is_empty() || ask {
                self.reason_next = false;
                self.prompt = Some(Prompt::Text {
                    purpose: TextPurpose::Reason { action, breaks },
                    text: String::new(),
                });
                return;
            }
        }
        self.apply(action, reason);
    }

    fn apply(&mut self, action: Action, reason: Option<String>) {
        let switching = matches!(
            action,
            Action::SwitchDraft { .. } | Action::RenameDraft { .. }
        );
        match self.session.apply(action, reason) {
            Ok(Applied::Draft(step)) => {
                let verb = match step.action {
                    Action::Undo => "Undone: ",
                    Action::Redo => "Redone: ",
                    _ => "",
                };
                let text = format!("{verb}{} ✓ saved", self.describe(&step.change));
                self.refresh_draft();
                self.status = StatusLine {
                    text,
                    tone: Tone::Done,
                };
            }
            Ok(Applied::Other(what)) => {
                if switching {
                    self.swap_mark = None;
                    self.refresh_draft();
                }
                self.status = StatusLine {
                    text: format!("{what} ✓ saved"),
                    tone: Tone::Done,
                };
            }
            Err(Error::Refused(r)) => self.refused(format!("✗ Refused, nothing changed: {r}")),
            Err(e) => self.refused(format!("Not saved — {e}")),
        }
    }

    fn describe(&self, change: &crate::draft::Change) -> String {
        let pool = self.session.pool();
        change.describe(|id| {
            pool.ix(id)
                .map_or_else(|| id.to_owned(), |ix| pool.candidate(ix).name.clone())
        })
    }

    fn update_prompt(&mut self, msg: Msg) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        match prompt {
            Prompt::Text { purpose, mut text } => match msg {
                Msg::InputChar(c) => {
                    if text.chars().count() < crate::annotations::MAX_NOTE {
                        text.push(c);
                    }
                    self.prompt = Some(Prompt::Text { purpose, text });
                }
                Msg::Paste(pasted) => {
                    let room = crate::annotations::MAX_NOTE.saturating_sub(text.chars().count());
                    text.extend(
                        pasted
                            .chars()
                            .map(|c| if c.is_control() { ' ' } else { c })
                            .take(room),
                    );
                    self.prompt = Some(Prompt::Text { purpose, text });
                }
                Msg::InputClear => {
                    text.clear();
                    self.prompt = Some(Prompt::Text { purpose, text });
                }
                Msg::InputBackspace => {
                    text.pop();
                    self.prompt = Some(Prompt::Text { purpose, text });
                }
                Msg::InputCancel | Msg::Escape => self.info("Cancelled: nothing changed."),
                Msg::InputAccept => self.accept_text(purpose, text),
                Msg::Quit => self.quit = true,
                Msg::Resize { width, height } => {
                    self.resize(width, height);
                    self.prompt = Some(Prompt::Text { purpose, text });
                }
                _ => self.prompt = Some(Prompt::Text { purpose, text }),
            },
            Prompt::RoleFate {
                action,
                name,
                role,
                can_transfer,
            } => {
                let fate = match msg {
                    Msg::Choose('t') if can_transfer => Some(RoleFate::Transfer),
                    Msg::Choose('v') => Some(RoleFate::Drop),
                    Msg::InputCancel | Msg::Escape => {
                        self.info("Cancelled: nothing changed.");
                        return;
                    }
                    _ => {
                        self.prompt = Some(Prompt::RoleFate {
                            action,
                            name,
                            role,
                            can_transfer,
                        });
                        return;
                    }
                };
                let action = match action {
                    Action::Remove { id, .. } => Action::Remove { id, role: fate },
                    Action::Swap {
                        outgoing, incoming, ..
                    } => Action::Swap {
                        outgoing,
                        incoming,
                        role: fate,
                    },
                    other => other,
                };
                self.attempt(action, None);
            }
            Prompt::ConfirmDelete { draft } => match msg {
                Msg::Choose('y') => {
                    self.apply(Action::DeleteDraft { name: draft }, None);
                    self.reload_drafts();
                }
                _ => self.info("Not deleted."),
            },
        }
    }

    fn accept_text(&mut self, purpose: TextPurpose, text: String) {
        let trimmed = text.trim().to_owned();
        match purpose {
            TextPurpose::Reason { action, breaks } => {
                if trimmed.is_empty() && !breaks.is_empty() {
                    self.refused(
                        "A reason is needed for a change that breaks a balance rule (Esc cancels).",
                    );
                    self.prompt = Some(Prompt::Text {
                        purpose: TextPurpose::Reason { action, breaks },
                        text,
                    });
                    return;
                }
                let reason = (!trimmed.is_empty()).then_some(trimmed);
                self.apply(action, reason);
            }
            TextPurpose::Note { id } => self.apply(Action::Note { id, text: trimmed }, None),
            TextPurpose::NewDraft | TextPurpose::CloneDraft => {
                let name = trimmed.clone();
                let create = if purpose == TextPurpose::NewDraft {
                    Action::CreateDraft { name }
                } else {
                    Action::CloneDraft { name }
                };
                // A new draft is where the committee wants to be next.
                self.apply(create, None);
                if self.status.tone == Tone::Done {
                    self.apply(Action::SwitchDraft { name: trimmed }, None);
                }
                self.reload_drafts();
            }
            TextPurpose::RenameDraft { from } => {
                self.apply(Action::RenameDraft { from, to: trimmed }, None);
                self.reload_drafts();
            }
        }
    }

    fn open_drafts(&mut self) {
        self.reload_drafts();
        self.drafts_selected = self
            .drafts
            .iter()
            .position(|(n, _)| n == self.session.draft_name())
            .unwrap_or(0);
        self.overlay = Overlay::Drafts;
    }

    fn reload_drafts(&mut self) {
        let names = self.session.draft_names().unwrap_or_default();
        self.drafts = names
            .into_iter()
            .map(|n| {
                let size = self.session.load_draft(&n).map_or(0, |d| d.counters().size);
                (n, size)
            })
            .collect();
        self.drafts_selected = self
            .drafts_selected
            .min(self.drafts.len().saturating_sub(1));
    }

    fn update_drafts(&mut self, msg: Msg) {
        let selected = self
            .drafts
            .get(self.drafts_selected)
            .map(|(n, _)| n.clone());
        match msg {
            Msg::Up => self.drafts_selected = self.drafts_selected.saturating_sub(1),
            Msg::Down => {
                self.drafts_selected =
                    (self.drafts_selected + 1).min(self.drafts.len().saturating_sub(1))
            }
            Msg::InputAccept => {
                if let Some(name) = selected {
                    self.apply(Action::SwitchDraft { name }, None);
                    self.overlay = Overlay::None;
                }
            }
            Msg::Choose('n') => {
                self.prompt = Some(Prompt::Text {
                    purpose: TextPurpose::NewDraft,
                    text: String::new(),
                })
            }
            Msg::Choose('d') => {
                self.prompt = Some(Prompt::Text {
                    purpose: TextPurpose::CloneDraft,
                    text: String::new(),
                })
            }
            Msg::Choose('r') => {
                if let Some(from) = selected {
                    self.prompt = Some(Prompt::Text {
                        purpose: TextPurpose::RenameDraft { from },
                        text: String::new(),
                    });
                }
            }
            Msg::Choose('x') => {
                if let Some(draft) = selected {
                    self.prompt = Some(Prompt::ConfirmDelete { draft });
                }
            }
            Msg::Choose('c') => {
                if let Some(other) = selected {
                    let current = self.session.draft_name().to_owned();
                    match crate::export::compare(&self.session, &current, &other) {
                        Ok(cmp) => self.overlay = Overlay::Compare(Box::new(cmp)),
                        Err(e) => self.refused(e.to_string()),
                    }
                }
            }
            Msg::InputCancel | Msg::Escape | Msg::Drafts => self.overlay = Overlay::None,
            Msg::Resize { width, height } => self.resize(width, height),
            Msg::Quit => self.quit = true,
            _ => {}
        }
    }

    fn open_log(&mut self) {
        match self.session.log() {
            Ok(entries) => {
                self.log_lines = entries.iter().rev().map(|e| self.log_line(e)).collect();
                self.log_offset = 0;
                self.overlay = Overlay::Log;
            }
            Err(e) => self.refused(format!("Cannot read the log — {e}")),
        }
    }

    /// Reasons can carry remarks about people: hidden when presenting.
    fn log_line(&self, e: &crate::audit::LogEntry) -> String {
        let mut line = format!("{} {} [{}] {}", e.time, e.member, e.draft, e.summary_what());
        match (&e.reason, self.present) {
            (Some(_), true) => line.push_str(" — (reason hidden)"),
            (Some(r), false) => line.push_str(&format!(" — {r}")),
            _ => {}
        }
        line
    }

    fn update_log(&mut self, msg: Msg) {
        match msg {
            Msg::Up => self.log_offset = self.log_offset.saturating_sub(1),
            Msg::Down => {
                self.log_offset = (self.log_offset + 1).min(self.log_lines.len().saturating_sub(1))
            }
            Msg::PageDown => {
                self.log_offset = (self.log_offset + 10).min(self.log_lines.len().saturating_sub(1))
            }
            Msg::PageUp => self.log_offset = self.log_offset.saturating_sub(10),
            Msg::InputCancel | Msg::Escape | Msg::Log | Msg::InputAccept => {
                self.overlay = Overlay::None
            }
            Msg::Resize { width, height } => self.resize(width, height),
            Msg::Quit => self.quit = true,
            _ => {}
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

impl App {
    /// The draft or the swap changed: the look-ahead must be redone.
    fn request_lookahead(&mut self) {
        self.lookahead.generation += 1;
        // Old answers describe another draft: show "checking" until new ones come.
        self.lookahead.analysis = None;
        self.lookahead.marks = None;
        self.lookahead.marks_complete = false;
        self.lookahead.reserves.clear();
        self.lookahead.pending = true;
    }

    /// The job to hand to the look-ahead worker, if one is due.
    pub fn lookahead_job(&mut self) -> Option<super::lookahead::Job> {
        if !std::mem::take(&mut self.lookahead.pending) {
            return None;
        }
        let (pool, rules) = self.session.shared();
        let hint = self.lookahead.witness.clone();
        Some(super::lookahead::Job {
            generation: self.lookahead.generation,
            pool,
            rules,
            members: self.session.draft().members(),
            replacing: self.swap_mark,
            hint,
            priority: self
                .pool
                .hits
                .iter()
                .skip(self.pool.offset)
                .take(2000)
                .map(|h| h.ix)
                .collect(),
        })
    }

    /// A result from the worker; stale ones are dropped.
    pub fn lookahead_result(&mut self, outcome: super::lookahead::Outcome) {
        use super::lookahead::Outcome;
        let la = &mut self.lookahead;
        match outcome {
            Outcome::Analysis {
                generation,
                analysis,
            } if generation == la.generation => {
                if !analysis.witness.is_empty() {
                    la.witness = analysis.witness.clone();
                }
                la.analysis = Some(analysis);
            }
            Outcome::Reserves {
                generation,
                reserves,
            } if generation == la.generation => la.reserves = reserves,
            Outcome::Marks {
                generation,
                replacing,
                marks,
                complete,
            } if generation == la.generation => {
                la.marks = Some((replacing, marks));
                la.marks_complete = complete;
                // The `keeps-feasible` filter depends on the marks.
                if self.pool.query.terms.iter().any(|t| {
                    *t == crate::search::Term::Filter(crate::search::Filter::KeepsFeasible)
                }) {
                    let (sel, off) = (self.pool.selected, self.pool.offset);
                    self.search(None);
                    self.pool.selected = sel;
                    self.pool.offset = off;
                    self.clamp();
                }
            }
            _ => {}
        }
    }

    /// Runs a due look-ahead on this thread (tests and benchmarks, which
    /// have no worker).
    pub fn run_lookahead_now(&mut self) {
        if let Some(job) = self.lookahead_job() {
            let latest = std::sync::atomic::AtomicU64::new(job.generation);
            let mut outcomes = Vec::new();
            super::lookahead::run(&job, &latest, &mut |o| outcomes.push(o));
            for o in outcomes {
                self.lookahead_result(o);
            }
        }
    }

    fn open_picks(&mut self, kind: PickKind) {
        let s = &self.session;
        let members = s.draft().members();
        let (pool, rules) = (s.pool(), s.rules());
        let items = match kind {
            PickKind::Suggest => crate::feasibility::suggest(pool, rules, &members, 20),
            PickKind::Complete => match crate::feasibility::proposal(pool, rules, &members) {
                Some(p) if p.is_empty() => return self.info("The draft is already complete."),
                Some(p) => p,
                None => {
                    return self
                        .refused("✗ No completion exists: see the look-ahead in the rules pane.");
                }
            },
            PickKind::Replace(m) => crate::feasibility::replacements(pool, rules, &members, m, 50),
        };
        if items.is_empty() {
            let what = match kind {
                PickKind::Replace(_) => {
                    "No one could take this seat with every rule still holding."
                }
                _ => "No candidate closes a gap while keeping a completion possible.",
            };
            return self.info(what);
        }
        self.overlay = Overlay::Picks(Picks {
            kind,
            items,
            selected: 0,
        });
    }

    fn update_picks(&mut self, msg: Msg) {
        let Overlay::Picks(picks) = &mut self.overlay else {
            return;
        };
        let len = picks.items.len();
        match msg {
            Msg::Up => picks.selected = picks.selected.saturating_sub(1),
            Msg::Down => picks.selected = (picks.selected + 1).min(len.saturating_sub(1)),
            Msg::PageDown => picks.selected = (picks.selected + 10).min(len.saturating_sub(1)),
            Msg::PageUp => picks.selected = picks.selected.saturating_sub(10),
            Msg::InputAccept | Msg::Choose('a') => {
                let Some(pick) = picks.items.get(picks.selected).map(|x| x.ix) else {
                    return;
                };
                let kind = picks.kind;
                let incoming = self.session.pool().candidate(pick).id.clone();
                let action = match kind {
                    PickKind::Replace(m) => Action::Swap {
                        outgoing: self.session.pool().candidate(m).id.clone(),
                        incoming,
                        role: None,
                    },
                    _ => Action::Add { id: incoming },
                };
                if kind != PickKind::Complete {
                    self.overlay = Overlay::None;
                }
                self.attempt(action, None);
                // In a proposal, an accepted member leaves the list.
                if let Overlay::Picks(p) = &mut self.overlay
                    && self.session.draft().contains(pick)
                {
                    p.items.retain(|x| x.ix != pick);
                    p.selected = p.selected.min(p.items.len().saturating_sub(1));
                    if p.items.is_empty() {
                        self.overlay = Overlay::None;
                    }
                }
            }
            Msg::Choose('x') if picks.kind == PickKind::Complete => {
                let name = picks
                    .items
                    .get(picks.selected)
                    .map(|x| self.session.pool().candidate(x.ix).name.clone());
                if picks.selected < len {
                    picks.items.remove(picks.selected);
                }
                picks.selected = picks.selected.min(picks.items.len().saturating_sub(1));
                if picks.items.is_empty() {
                    self.overlay = Overlay::None;
                }
                if let Some(n) = name {
                    self.info(format!("{n} left out of the proposal (nothing changed)."));
                }
            }
            Msg::InputCancel | Msg::Escape => self.overlay = Overlay::None,
            Msg::Resize { width, height } => self.resize(width, height),
            Msg::Quit => self.quit = true,
            _ => {}
        }
    }
}

fn next_pane(p: Pane, steps: usize) -> Pane {
    const ORDER: [Pane; 3] = [Pane::Pool, Pane::Draft, Pane::Rules];
    let i = ORDER.iter().position(|x| *x == p).unwrap_or(0);
    ORDER[(i + steps) % 3]
}
