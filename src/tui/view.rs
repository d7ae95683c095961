//! Drawing. Reads [`App`], never changes it. Only the visible rows of the
//! pool are built each frame.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Cell, Clear, Paragraph, Row, Table, Wrap};

use super::app::{App, Overlay, Pane, Prompt, TextPurpose, Tone};
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::theme::Theme;
use crate::pool::Ix;
use crate::rules::{Preview, RuleKind, Status, eligibility};

pub fn render(frame: &mut Frame, app: &App) {
    let theme = Theme::new(app.present, app.no_color);
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.base), area);
    let a = super::layout::areas(area, app.present);
    if a.too_small {
        let msg = format!(
            "Enlarge the terminal to at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}).",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(msg)
                .wrap(Wrap { trim: true })
                .style(theme.base),
            area,
        );
        return;
    }
    header(frame, app, &theme, a.header);
    pool_pane(frame, app, &theme, a.pool);
    draft_pane(frame, app, &theme, a.draft);
    rules_pane(frame, app, &theme, a.rules);
    status_line(frame, app, &theme, a.status);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help => help(frame, app, &theme, area),
        Overlay::Detail => detail(frame, app, &theme, area),
        Overlay::Log => log(frame, app, &theme, area),
        Overlay::Drafts => drafts(frame, app, &theme, area),
        Overlay::Compare(cmp) => compare(frame, cmp, &theme, area),
        Overlay::Picks(p) => picks(frame, app, p, &theme, area),
    }
    if let Some(p) = &app.prompt {
        prompt(frame, app, p, &theme, area);
    }
}

fn prompt(frame: &mut Frame, app: &App, p: &Prompt, theme: &Theme, area: Rect) {
    let (title, mut lines) = match p {
        Prompt::Text { purpose, text } => {
            let (title, question) = match purpose {
                TextPurpose::Reason { breaks, .. } if !breaks.is_empty() => (
                    " Reason needed ",
                    format!(
                        "This change breaks: {}. Why? (Enter confirms, Esc cancels)",
                        breaks.join(", ")
                    ),
                ),
                TextPurpose::Reason { .. } => (
                    " Reason ",
                    "Reason for the log (Enter confirms, Esc cancels):".to_owned(),
                ),
                TextPurpose::Note { id } => {
                    let name = app.session.pool().ix(id).map_or(id.as_str(), |ix| {
                        app.session.pool().candidate(ix).name.as_str()
                    });
                    (
                        " Note ",
                        format!("Note on {name} (author {}):", app.session.member()),
                    )
                }
                TextPurpose::NewDraft => {
                    (" New draft ", "Name of the new, empty draft:".to_owned())
                }
                TextPurpose::CloneDraft => (
                    " Clone draft ",
                    format!("Name for a copy of '{}':", app.session.draft_name()),
                ),
                TextPurpose::RenameDraft { from } => {
                    (" Rename draft ", format!("New name for '{from}':"))
                }
            };
            (
                title,
                vec![
                    Line::raw(question),
                    Line::from(vec![
                        Span::styled("> ", theme.title),
                        Span::raw(text.clone()),
                        Span::styled("▏", theme.focus_border),
                    ]),
                ],
            )
        }
        Prompt::RoleFate {
            name,
            role,
            can_transfer,
            ..
        } => {
            let mut options = String::new();
            if *can_transfer {
                options.push_str("t: the newcomer takes the office   ");
            }
            options.push_str("v: leave the office vacant   Esc: cancel");
            (
                " Office holder ",
                vec![
                    Line::raw(format!(
                        "{name} is {}. What happens to the office?",
                        role.label()
                    )),
                    Line::styled(options, theme.title),
                ],
            )
        }
        Prompt::ConfirmDelete { draft } => (
            " Delete draft ",
            vec![
                Line::raw(format!(
                    "Delete the draft '{draft}'? Its history stays in the log."
                )),
                Line::styled("y: delete   any other key: keep", theme.title),
            ],
        ),
    };
    lines.insert(0, Line::raw(""));
    let w = area.width.saturating_sub(4).min(90);
    let h = 8.min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + area.height.saturating_sub(h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(pane_block(title, true, theme)),
        r,
    );
}

fn picks(frame: &mut Frame, app: &App, p: &super::app::Picks, theme: &Theme, area: Rect) {
    use super::app::PickKind;
    let r = popup(area, 92, 90);
    frame.render_widget(Clear, r);
    let pool = app.session.pool();
    let (title, keys) = match p.kind {
        PickKind::Suggest => (
            " Suggestions: who closes the open gaps ".to_owned(),
            "Enter/a add · ↑↓ move · Esc close",
        ),
        PickKind::Complete => (
            format!(
                " Proposed completion: {} seats (nothing is added until you accept) ",
                p.items.len()
            ),
            "a/Enter accept this one · x leave out · ↑↓ move · Esc close",
        ),
        PickKind::Replace(m) => (
            format!(
                " Who could take the seat of {} ({} reserves) ",
                pool.candidate(m).name,
                p.items.len()
            ),
            "Enter/a swap in · ↑↓ move · Esc close",
        ),
    };
    let inner_h = usize::from(r.height.saturating_sub(4)).max(1);
    let start = p.selected.saturating_sub(inner_h.saturating_sub(1));
    let mut lines: Vec<Line> = p
        .items
        .iter()
        .enumerate()
        .skip(start)
        .take(inner_h)
        .map(|(i, x)| {
            let style = if i == p.selected {
                theme.selected
            } else {
                theme.base
            };
            let c = pool.candidate(x.ix);
            Line::styled(
                format!(
                    "{} {:<3} {:<6} {} {:>5.2}  {}",
                    pad(&c.name, 26),
                    pool.primary_nationality(x.ix),
                    pool.facts(x.ix).region.short(),
                    c.gender.short(),
                    x.score,
                    x.reasons.join("; ")
                ),
                style,
            )
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(keys, theme.dim));
    frame.render_widget(
        Paragraph::new(lines).block(pane_block(title, true, theme)),
        r,
    );
}

fn log(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let r = popup(area, 92, 90);
    frame.render_widget(Clear, r);
    let lines: Vec<Line> = app
        .log_lines
        .iter()
        .skip(app.log_offset)
        .map(|l| Line::raw(l.clone()))
        .collect();
    let title = format!(
        " Audit log, newest first ({} entries) — ↑↓ scroll, Esc closes ",
        app.log_lines.len()
    );
    frame.render_widget(
        Paragraph::new(lines).block(pane_block(title, true, theme)),
        r,
    );
}

fn drafts(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let r = popup(area, 60, 70);
    frame.render_widget(Clear, r);
    let mut lines: Vec<Line> = app
        .drafts
        .iter()
        .enumerate()
        .map(|(i, (name, size))| {
            let current = if name == app.session.draft_name() {
                "●"
            } else {
                " "
            };
            let style = if i == app.drafts_selected {
                theme.selected
            } else {
                theme.base
            };
            Line::styled(
                format!(
                    "{current} {name:<30} {size:>2}/{}",
                    app.session.rules().size
                ),
                style,
            )
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled("Enter switch · n new · d duplicate current · r rename · x delete · c compare with current · Esc", theme.dim));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(pane_block(" Drafts ", true, theme)),
        r,
    );
}

fn compare(frame: &mut Frame, cmp: &crate::export::Comparison, theme: &Theme, area: Rect) {
    let r = popup(area, 94, 92);
    frame.render_widget(Clear, r);
    let names = |v: &[(String, String)]| {
        if v.is_empty() {
            "—".to_owned()
        } else {
            v.iter()
                .map(|(_, n)| n.clone())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("Only in {}: ", cmp.a), theme.section),
            Span::raw(names(&cmp.only_in_a)),
        ]),
        Line::from(vec![
            Span::styled(format!("Only in {}: ", cmp.b), theme.section),
            Span::raw(names(&cmp.only_in_b)),
        ]),
        Line::raw(""),
        Line::styled(
            format!(
                "{:<34} {:>8} {:>8} {:>5}",
                "rule",
                truncate(&cmp.a, 8),
                truncate(&cmp.b, 8),
                "diff"
            ),
            theme.header,
        ),
    ];
    for d in &cmp.rules {
        let cell = |c: Option<u32>, s: Status| {
            format!(
                "{} {}",
                c.map(|c| c.to_string()).unwrap_or_default(),
                s.symbol()
            )
        };
        let diff = if d.diff == 0 {
            String::new()
        } else {
            format!("{:+}", d.diff)
        };
        let style = if d.status_a != d.status_b || d.diff != 0 {
            theme.changed
        } else {
            theme.base
        };
        lines.push(Line::styled(
            format!(
                "{:<34} {:>8} {:>8} {:>5}",
                truncate(&d.label, 34),
                cell(d.count_a, d.status_a),
                cell(d.count_b, d.status_b),
                diff
            ),
            style,
        ));
    }
    let title = format!(
        " Compare '{}' ({}) with '{}' ({}) — Esc closes ",
        cmp.a, cmp.size_a, cmp.b, cmp.size_b
    );
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(pane_block(title, true, theme)),
        r,
    );
}

fn pane_block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme.focus_border
        } else {
            theme.border
        })
        .title(title.into().style(theme.title))
        .style(theme.base)
}

fn header(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let r = app.session.draft().counters();
    let target = app.session.rules().size;
    let mut spans = vec![
        Span::styled(" panel-draft ", theme.title),
        Span::raw(format!(
            "│ draft '{}' │ {}/{} members ",
            app.session.draft_name(),
            r.size,
            target
        )),
    ];
    if app.present {
        spans.push(Span::styled("│ PRESENTATION ", theme.warn));
    }
    if let Some(ix) = app.session.discussing() {
        let pool = app.session.pool();
        spans.push(Span::styled(
            format!(
                "│ ▶ Discussing: {} ({}) ",
                pool.candidate(ix).name,
                pool.primary_nationality(ix)
            ),
            theme.marked,
        ));
    }
    spans.push(Span::styled(
        "│ ? help  / search  Tab pane  q quit",
        theme.dim,
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.base), area);
}

/// One-character markers for the pool and draft rows. Symbols, with a
/// legend in the help overlay.
/// `members` is given for pool rows (to test the hard rules), once per frame.
fn markers(app: &App, ix: Ix, members: Option<&[Ix]>) -> String {
    let s = &app.session;
    let f = s.pool().facts(ix);
    let id = &s.pool().candidate(ix).id;
    let ann = s.annotations();
    let mut m = String::with_capacity(8);
    m.push(if s.discussing() == Some(ix) {
        '▶'
    } else {
        ' '
    });
    m.push(if ann.is_flagged(id) {
        '⚑'
    } else if ann.is_shortlisted(id) {
        '◆'
    } else {
        ' '
    });
    m.push(if eligibility(s.rules(), f).is_some() {
        '⊘'
    } else {
        ' '
    });
    // Whether someone declared a conflict is personal: not on a projector.
    m.push(if f.conflict && !app.present { '!' } else { ' ' });
    m.push(if f.nominated { '★' } else { ' ' });
    if let Some(members) = members {
        let replacing = app.swap_mark;
        let v = crate::rules::check_add(
            s.pool(),
            s.rules(),
            s.draft().counters(),
            members,
            ix,
            replacing,
        );
        let hard_now = v.iter().any(|v| {
            !matches!(
                v,
                crate::rules::Violation::UnStaff
                    | crate::rules::Violation::NoApplication { .. }
                    | crate::rules::Violation::LateApplication { .. }
            )
        });
        // ✗ breaks a hard rule now; ⊗ allowed now, but no completion would remain.
        let dead_end = app.lookahead.keeps(ix, app.swap_mark) == Some(false);
        m.push(if hard_now {
            '✗'
        } else if dead_end && v.is_empty() {
            '⊗'
        } else {
            ' '
        });
    }
    m
}

struct Columns {
    region: bool,
    field: bool,
    h_index: bool,
}

fn columns_for(width: u16) -> Columns {
    Columns {
        region: width >= 40,
        field: width >= 70,
        h_index: width >= 58,
    }
}

fn person_cells<'a>(app: &'a App, ix: Ix, cols: &Columns, name: Line<'a>) -> Vec<Cell<'a>> {
    let pool = app.session.pool();
    let c = pool.candidate(ix);
    let f = pool.facts(ix);
    let mut cells = vec![Cell::from(name), Cell::from(pool.primary_nationality(ix))];
    if cols.region {
        cells.push(Cell::from(f.region.short()));
    }
    cells.push(Cell::from(c.gender.short()));
    cells.push(Cell::from(pool.primary_affiliation(ix)));
    if cols.field {
        cells.push(Cell::from(f.top_field.map_or("", |x| x.short())));
    }
    if cols.h_index {
        cells.push(Cell::from(
            c.h_index.map(|h| h.to_string()).unwrap_or_default(),
        ));
    }
    cells
}

fn person_widths(cols: &Columns) -> Vec<Constraint> {
    let mut w = vec![Constraint::Fill(3), Constraint::Length(3)];
    if cols.region {
        w.push(Constraint::Length(6));
    }
    w.push(Constraint::Length(1));
    w.push(Constraint::Fill(2));
    if cols.field {
        w.push(Constraint::Length(11));
    }
    if cols.h_index {
        w.push(Constraint::Length(3));
    }
    w
}

fn person_header(cols: &Columns, sort: Option<crate::search::Sort>) -> Vec<String> {
    use crate::search::SortColumn as S;
    let mut names = vec![(S::Name, "Name"), (S::Nationality, "Nat")];
    if cols.region {
        names.push((S::Region, "Region"));
    }
    names.push((S::Gender, "G"));
    names.push((S::Affiliation, "Affiliation"));
    if cols.field {
        names.push((S::Field, "Top field"));
    }
    if cols.h_index {
        names.push((S::HIndex, "h"));
    }
    names
        .into_iter()
        .map(|(col, label)| match sort {
            Some(s) if s.explicit && s.column == col => {
                format!("{label}{}", if s.descending { "↓" } else { "↑" })
            }
            _ => label.to_owned(),
        })
        .collect()
}

fn highlighted_name<'a>(app: &App, ix: Ix, theme: &Theme, base: Style) -> Line<'a> {
    let name = &app.session.pool().candidate(ix).name;
    if app.pool.query.words().next().is_none() {
        return Line::styled(name.clone(), base);
    }
    let marks = app.index.highlight(ix, &app.pool.query);
    let spans: Vec<Span> = name
        .chars()
        .enumerate()
        .map(|(i, ch)| {
            let style = if marks.binary_search(&i).is_ok() {
                base.patch(theme.matched)
            } else {
                base
            };
            Span::styled(ch.to_string(), style)
        })
        .collect();
    Line::from(spans)
}

fn pool_pane(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let focused = app.focus == Pane::Pool;
    let total = app.session.pool().len();
    let title = format!(
        " Pool: {} of {} shown ",
        app.pool.hits.len(),
        total.saturating_sub(app.session.draft().members().len())
    );
    let block = pane_block(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 {
        return;
    }
    let filter_area = Rect { height: 1, ..inner };
    let filter = if app.pool.editing {
        Line::from(vec![
            Span::styled("/", theme.title),
            Span::raw(app.pool.filter_text.clone()),
            Span::styled("▏", theme.focus_border),
        ])
    } else if app.pool.filter_text.is_empty() {
        Line::styled(
            "/ to search: name, nat:KEN region:africa gender:f field:safety aff:oxford nominated eligible",
            theme.dim,
        )
    } else {
        Line::from(vec![
            Span::styled("filter: ", theme.dim),
            Span::raw(app.pool.filter_text.clone()),
        ])
    };
    let swap = app
        .swap_mark
        .map(|m| format!("  ⇄ swapping out {}", app.session.pool().candidate(m).name));
    let mut filter = filter;
    if let Some(s) = swap {
        filter.push_span(Span::styled(s, theme.marked));
    }
    frame.render_widget(Paragraph::new(filter), filter_area);

    let list = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    let cols = columns_for(list.width.saturating_sub(7));
    let rows_visible = usize::from(list.height.saturating_sub(1));
    let start = app.pool.offset.min(app.pool.hits.len());
    let end = (start + rows_visible).min(app.pool.hits.len());
    let members = app.session.draft().members();
    let rows: Vec<Row> = app.pool.hits[start..end]
        .iter()
        .enumerate()
        .map(|(i, hit)| {
            let selected = start + i == app.pool.selected;
            let style = if selected && focused {
                theme.selected
            } else {
                theme.base
            };
            let mut cells = vec![Cell::from(markers(app, hit.ix, Some(&members)))];
            cells.extend(person_cells(
                app,
                hit.ix,
                &cols,
                highlighted_name(app, hit.ix, theme, style),
            ));
            Row::new(cells).style(style)
        })
        .collect();
    let mut widths = vec![Constraint::Length(6)];
    widths.extend(person_widths(&cols));
    let mut header = vec![String::new()];
    header.extend(person_header(&cols, Some(app.pool.sort)));
    let mut table = Table::new(rows, widths)
        .column_spacing(1)
        .header(Row::new(header).style(theme.header));
    if app.pool.hits.is_empty() {
        table = table.footer(Row::new(vec![
            "",
            "No candidate matches: Esc clears the filter.",
        ]));
    }
    frame.render_widget(table, list);
}

fn draft_pane(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let focused = app.focus == Pane::Draft;
    let d = app.session.draft();
    let title = format!(
        " Draft '{}': {}/{} seats ",
        app.session.draft_name(),
        d.counters().size,
        app.session.rules().size
    );
    let block = pane_block(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cols = columns_for(inner.width.saturating_sub(18));
    let rows_visible = usize::from(inner.height.saturating_sub(1));
    let seats = d.seats();
    let start = app.draft_offset.min(seats.len());
    let end = (start + rows_visible).min(seats.len());
    let rows: Vec<Row> = (start..end)
        .map(|seat| {
            let selected = seat == app.draft_selected && focused;
            let style = if selected { theme.selected } else { theme.base };
            let number = Cell::from(format!("{:>2}", seat + 1));
            match seats[seat] {
                Some(ix) => {
                    let marked = app.swap_mark == Some(ix);
                    let mut flags = markers(app, ix, None);
                    flags.push(if marked { '⇄' } else { ' ' });
                    let office = match d.role_of(&app.session.pool().candidate(ix).id) {
                        Some(crate::domain::Role::CoChair) => "CC",
                        Some(crate::domain::Role::ViceChair) => "VC",
                        None => "",
                    };
                    let reserves = app
                        .lookahead
                        .reserves
                        .get(&ix)
                        .map(|n| n.to_string())
                        .unwrap_or_default();
                    let mut cells = vec![
                        number,
                        Cell::from(flags),
                        Cell::from(Span::styled(office, theme.title)),
                        Cell::from(reserves),
                    ];
                    let name_style = if marked {
                        style.patch(theme.marked)
                    } else {
                        style
                    };
                    let name =
                        Line::styled(app.session.pool().candidate(ix).name.clone(), name_style);
                    cells.extend(person_cells(app, ix, &cols, name));
                    Row::new(cells).style(style)
                }
                None => Row::new(vec![
                    number,
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from(Span::styled("· empty ·", theme.dim)),
                ])
                .style(style),
            }
        })
        .collect();
    let mut widths = vec![
        Constraint::Length(2),
        Constraint::Length(6),
        Constraint::Length(2),
        Constraint::Length(3),
    ];
    widths.extend(person_widths(&cols));
    let mut header = vec![
        "#".to_owned(),
        String::new(),
        String::new(),
        "Res".to_owned(),
    ];
    header.extend(person_header(&cols, None));
    let table = Table::new(rows, widths)
        .column_spacing(1)
        .header(Row::new(header).style(theme.header));
    frame.render_widget(table, inner);
}

/// The preview shown in the rules pane: the highlighted pool candidate
/// (or the swap in progress), computed by the core engine.
fn current_preview(app: &App) -> Option<(Ix, Option<Ix>, Preview)> {
    let cand = if app.focus == Pane::Pool || app.swap_mark.is_some() {
        app.selected_candidate()
    } else {
        // The room follows the candidate under discussion.
        app.session.discussing().filter(|&ix| !app.is_in_draft(ix))
    }?;
    Some((
        cand,
        app.swap_mark,
        app.session.preview(cand, app.swap_mark),
    ))
}

fn rules_pane(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let focused = app.focus == Pane::Rules;
    let report = &app.report;
    let verdict = if report.complete {
        " Rules: ✓ every rule holds "
    } else {
        " Rules "
    };
    let block = pane_block(verdict, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let wide = w >= 48;
    let preview = current_preview(app);
    let changes: &[crate::rules::RuleChange] = preview
        .as_ref()
        .map_or(&[], |(_, _, p)| p.changes.as_slice());
    let short_of = |id: &str| {
        report
            .rules
            .iter()
            .find(|r| r.id == id)
            .map_or_else(|| id.to_owned(), |r| r.short.clone())
    };
    let mut lines: Vec<Line> = Vec::new();

    if let Some((cand, out, p)) = &preview {
        let pool = app.session.pool();
        let who = &pool.candidate(*cand).name;
        let head = match out {
            Some(o) => format!("If {} ⇄ {}:", pool.candidate(*o).name, who),
            None => format!("If {who} is added:"),
        };
        lines.push(Line::styled(truncate(&head, w), theme.section));
        if p.allowed() {
            lines.push(Line::styled("✓ allowed by the hard rules", theme.ok));
            lines.push(match app.lookahead.keeps(*cand, *out) {
                Some(true) => Line::styled("✓ a completion would still exist", theme.ok),
                Some(false) => Line::styled("⊗ no completion would remain after this", theme.fail),
                None => Line::styled("… checking whether a completion would remain", theme.dim),
            });
        }
        for v in &p.violations {
            lines.push(Line::styled(format!("✗ refused: {v}"), theme.fail));
        }
        let fixes: Vec<String> = p.fixes().map(|c| short_of(&c.id)).collect();
        let breaks: Vec<String> = p.breaks().map(|c| short_of(&c.id)).collect();
        if !fixes.is_empty() {
            lines.push(Line::styled(
                format!("✓ satisfies: {}", fixes.join(", ")),
                theme.ok,
            ));
        }
        if !breaks.is_empty() {
            lines.push(Line::styled(
                format!("✗ breaks: {}", breaks.join(", ")),
                theme.fail,
            ));
        }
        for c in changes
            .iter()
            .filter(|c| is_cap(&c.id) && c.status_after != Status::Ok)
        {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{} ", c.status_after.symbol()),
                    theme.status(c.status_after),
                ),
                Span::raw(truncate(
                    &format!(
                        "{} {}→{} of {}",
                        c.label,
                        c.before,
                        c.after,
                        c.target.trim_start_matches('≤')
                    ),
                    w.saturating_sub(2),
                )),
            ]));
        }
        lines.push(Line::raw(""));
    }

    lookahead_lines(app, theme, w, &mut lines);
    let label_w = w.saturating_sub(2 + 6 + 1 + 7).clamp(4, 40);
    let rule_line = |status: Status, label: &str, count: String, moved: bool, target: &str| {
        Line::from(vec![
            Span::styled(format!("{} ", status.symbol()), theme.status(status)),
            Span::raw(pad(label, label_w)),
            Span::styled(
                format!("{count:>6}"),
                if moved { theme.changed } else { theme.base },
            ),
            Span::raw(truncate(&format!(" {target}"), 8)),
        ])
    };
    let mut last_kind = None;
    let mut fields_ok = 0;
    let mut fields_total = 0;
    let mut fields_after_ok = 0;
    let mut fields_moved = false;
    for r in &report.rules {
        // On a projector, a moving conflicts count would tell the room
        // that the highlighted person declared one.
        let change = changes
            .iter()
            .find(|c| c.id == r.id && !is_cap(&c.id) && !(app.present && r.id == "conflicts"));
        if r.id.starts_with("field") {
            // Eighteen field rules fold into one line plus the list below.
            fields_total += 1;
            fields_ok += usize::from(r.status == Status::Ok);
            fields_after_ok +=
                usize::from(change.map_or(r.status, |c| c.status_after) == Status::Ok);
            fields_moved |= change.is_some_and(|c| c.status_before != c.status_after);
            continue;
        }
        if last_kind != Some(r.kind) {
            if last_kind == Some(RuleKind::Balance) && fields_total > 0 {
                lines.push(fields_line(
                    &rule_line,
                    fields_ok,
                    fields_after_ok,
                    fields_total,
                    fields_moved,
                ));
                fields_total = 0;
            }
            let title = match r.kind {
                RuleKind::Hard => "HARD RULES",
                RuleKind::Balance => "BALANCE",
                RuleKind::Role => "OFFICES",
                RuleKind::Info => "FOR INFORMATION",
            };
            lines.push(Line::styled(title, theme.section));
            last_kind = Some(r.kind);
        }
        let (status, count, moved) = match change {
            Some(c) => (c.status_after, format!("{}→{}", c.before, c.after), true),
            None => (
                r.status,
                r.count.map(|c| c.to_string()).unwrap_or_default(),
                false,
            ),
        };
        let label = if wide { &r.label } else { &r.short };
        let target = if r.id == "application-deadline" {
            ""
        } else {
            r.target.as_str()
        };
        lines.push(rule_line(status, label, count, moved, target));
    }
    if fields_total > 0 {
        lines.push(fields_line(
            &rule_line,
            fields_ok,
            fields_after_ok,
            fields_total,
            fields_moved,
        ));
    }
    lines.push(Line::raw(""));
    let mut list = |title: &str, items: Vec<String>, style: Style| {
        if !items.is_empty() {
            lines.push(Line::from(vec![
                Span::styled(format!("{title}: "), theme.section),
                Span::styled(items.join(", "), style),
            ]));
        }
    };
    list(
        "Nationalities at cap",
        report
            .nationalities_at_cap
            .iter()
            .map(|(c, _, n)| format!("{c} {n}"))
            .collect(),
        theme.warn,
    );
    list(
        "Institutions at cap",
        report
            .affiliations_at_cap
            .iter()
            .map(|(a, n)| format!("{a} {n}"))
            .collect(),
        theme.warn,
    );
    let uncovered: Vec<String> = crate::domain::Field::all()
        .filter(|f| report.fields_uncovered.contains(&f.qualified()))
        .map(|f| f.short().to_owned())
        .collect();
    list("Fields not covered", uncovered, theme.base);
    if !report.conflicts_to_review.is_empty() {
        let n = report.conflicts_to_review.len();
        if app.present {
            lines.push(Line::styled(
                format!(
                    "⚠ {n} declared conflict{} to review",
                    if n == 1 { "" } else { "s" }
                ),
                theme.warn,
            ));
        } else {
            let names: Vec<String> = report
                .conflicts_to_review
                .iter()
                .map(|(_, n)| n.clone())
                .collect();
            list("⚠ Conflicts to review", names, theme.warn);
        }
    }
    let para = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((app.rules_offset.min(usize::from(u16::MAX)) as u16, 0));
    frame.render_widget(para, inner);
}

/// The look-ahead verdict: proven ✓ (a witness panel exists), proven ✗
/// (with the smallest relaxation and who blocks), or still checking.
fn lookahead_lines(app: &App, theme: &Theme, w: usize, lines: &mut Vec<Line<'static>>) {
    let size = app.session.rules().size;
    match app.lookahead.analysis.as_ref().map(|a| (a, a.feasible)) {
        None => lines.push(Line::styled(
            "… checking whether a completion exists",
            theme.dim,
        )),
        Some((_, Some(true))) => lines.push(Line::styled(
            format!("✓ a completion to {size} meeting every rule exists"),
            theme.ok,
        )),
        Some((a, Some(false))) => {
            lines.push(Line::styled(
                format!(
                    "✗ no completion exists: {}",
                    a.reason.clone().unwrap_or_default()
                ),
                theme.fail,
            ));
            for r in &a.relaxations {
                lines.push(Line::styled(format!("  way out: {r}"), theme.warn));
            }
            // Blame names members: not on a projector.
            if !app.present {
                for b in a.blame.iter().take(3) {
                    lines.push(Line::raw(format!("  {}", truncate(b, w.saturating_mul(3)))));
                }
            }
        }
        Some((a, None)) => lines.push(Line::styled(
            format!(
                "? look-ahead undecided: {}",
                a.reason.clone().unwrap_or_default()
            ),
            theme.warn,
        )),
    }
}

fn is_cap(id: &str) -> bool {
    id == "nationality-cap" || id == "affiliation-cap"
}

fn fields_line<'a>(
    rule_line: &dyn Fn(Status, &str, String, bool, &str) -> Line<'a>,
    ok: usize,
    after: usize,
    total: usize,
    moved: bool,
) -> Line<'a> {
    let status = if after == total {
        Status::Ok
    } else {
        Status::Fail
    };
    let count = if moved {
        format!("{ok}→{after}")
    } else {
        ok.to_string()
    };
    rule_line(status, "Fields covered", count, moved, &format!("/{total}"))
}

/// `s` cut to `width` display columns and padded to exactly that width
/// (wide CJK characters count two).
fn pad(s: &str, width: usize) -> String {
    let cut = truncate(s, width);
    let used = unicode_width::UnicodeWidthStr::width(cut.as_str());
    format!("{cut}{}", " ".repeat(width.saturating_sub(used)))
}

fn truncate(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let cw = ch.width().unwrap_or(0);
        if used + cw > width {
            if let Some(last) = out.pop() {
                used -= last.width().unwrap_or(0);
            }
            if used < width {
                out.push('…');
            }
            return out;
        }
        used += cw;
        out.push(ch);
    }
    out
}

fn status_line(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let style = match app.status.tone {
        Tone::Info => theme.base,
        Tone::Done => theme.ok,
        Tone::Refused => theme.fail,
    };
    // A long message (a refusal naming people) takes the row above too,
    // over the bottom border of the panes, rather than being cut.
    let width = unicode_width::UnicodeWidthStr::width(app.status.text.as_str());
    let area = if width > usize::from(area.width) && area.y > 0 {
        Rect {
            y: area.y - 1,
            height: area.height + 1,
            ..area
        }
    } else {
        area
    };
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(Line::styled(app.status.text.clone(), style))
            .style(theme.base)
            .wrap(Wrap { trim: true }),
        area,
    );
}

fn popup(area: Rect, w_pct: u16, h_pct: u16) -> Rect {
    let w = (area.width * w_pct / 100).max(20).min(area.width);
    let h = (area.height * h_pct / 100).max(8).min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

pub const HELP: &[(&str, &str)] = &[
    (
        "/",
        "search the pool (Enter keeps the filter, Esc clears it)",
    ),
    ("Tab / Shift-Tab", "next / previous pane"),
    ("↑ ↓ PgUp PgDn Home End", "move (also j k)"),
    (
        "Enter / a",
        "add the highlighted candidate (or swap them in)",
    ),
    ("d / Delete", "remove the highlighted draft member"),
    (
        "s",
        "mark a draft member for a swap; then Enter on a candidate",
    ),
    ("u / Ctrl-r", "undo / redo (kept across restarts)"),
    ("r", "the next change asks for a reason for the log"),
    (
        "c / v",
        "make a draft member co-chair / vice-chair (again: remove the office)",
    ),
    ("n / N", "add a note / show notes when presenting"),
    ("f / l", "flag for discussion / shortlist"),
    (". / > / <", "discuss this person / next / previous flagged"),
    ("D", "drafts: switch, new, clone, rename, delete, compare"),
    ("L", "audit log"),
    (
        "S / C",
        "suggestions / a proposed completion (accept one by one)",
    ),
    ("R", "who could take the highlighted draft member's seat"),
    ("i / Space", "details of the highlighted person"),
    ("o / O", "sort the pool by the next column / reverse"),
    ("p", "presentation mode (hides email, conflicts)"),
    ("Esc", "close, cancel a swap"),
    ("?", "this help"),
    ("q", "quit (every change is already saved)"),
    ("mouse", "click selects a row, wheel scrolls"),
    ("", ""),
    ("⊘", "ineligible: UN staff, late or no application"),
    (
        "!",
        "declared a conflict of interest (hidden when presenting)",
    ),
    ("★", "nominated by a Member State"),
    ("▶ ⚑ ◆", "under discussion, flagged, shortlisted"),
    ("CC VC", "co-chair, vice-chair"),
    ("✗", "would break a hard rule if added now"),
    (
        "⊗",
        "allowed now, but no completion meeting every rule would remain",
    ),
    (
        "Res",
        "reserves: how many could replace this member with every rule holding",
    ),
    ("⇄", "marked for a swap"),
    ("G", "gender: F female, M male, X non-binary, – undisclosed"),
    (
        "filters",
        "nat:KEN region:africa gender:f field:safety aff:oxford nominated eligible conflict flagged shortlisted keeps-feasible",
    ),
];

fn help(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let r = popup(area, 80, 90);
    frame.render_widget(Clear, r);
    // Narrow screens: a narrower key column leaves room for the text.
    let key_w = if r.width < 100 { 12 } else { 22 };
    let lines: Vec<Line> = HELP
        .iter()
        .map(|(k, v)| {
            Line::from(vec![
                Span::styled(format!("{k:>key_w$}  "), theme.title),
                Span::raw(*v),
            ])
        })
        .collect();
    let block = pane_block(" Keys — ↑↓ scroll, Esc closes ", true, theme);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((app.overlay_offset, 0)),
        r,
    );
}

fn detail(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(ix) = app.focused_person() else {
        return;
    };
    let s = &app.session;
    let pool = s.pool();
    let c = pool.candidate(ix);
    let f = pool.facts(ix);
    let r = popup(area, 86, 90);
    frame.render_widget(Clear, r);
    let nat: Vec<String> = f
        .nationalities
        .iter()
        .map(|&n| {
            format!(
                "{} ({})",
                pool.nationality_name(n),
                pool.nationalities.name(n)
            )
        })
        .collect();
    let affs: Vec<String> = c
        .affiliations
        .iter()
        .zip(&f.affiliations)
        .map(|(raw, &id)| {
            let canon = pool.affiliations.name(id);
            if canon == raw {
                raw.clone()
            } else {
                format!("{raw} (= {canon})")
            }
        })
        .collect();
    let opt = |v: Option<u64>| v.map_or_else(|| "—".to_owned(), |x| x.to_string());
    let elig = match eligibility(s.rules(), f) {
        None => "eligible".to_owned(),
        Some(v) => format!("NOT eligible: {v}"),
    };
    let mut rows: Vec<(&str, String)> = vec![
        ("Id", c.id.clone()),
        ("Gender", c.gender.label().into()),
        ("Nationality", nat.join("; ")),
        ("Regional group", f.region.label().into()),
        (
            "Development",
            format!(
                "{}{}",
                f.development.label(),
                if f.ldc { " (LDC)" } else { "" }
            ),
        ),
        ("Affiliation", affs.join("; ")),
        (
            "Fields",
            c.fields
                .iter()
                .map(|x| x.qualified())
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (
            "Nominated by",
            if c.nominated_by.is_empty() {
                "—".into()
            } else {
                c.nominated_by.join(", ")
            },
        ),
        (
            "Application",
            c.submitted
                .map_or_else(|| "never submitted".into(), |d| format!("submitted {d}")),
        ),
        (
            "UN staff",
            if c.un_staff {
                "yes".into()
            } else {
                "no".into()
            },
        ),
        ("Eligibility", elig),
        (
            "Indicators",
            format!(
                "publications {} · citations {} · h-index {} · i10 {}",
                opt(c.publications.map(u64::from)),
                opt(c.citations),
                opt(c.h_index.map(u64::from)),
                opt(c.i10_index.map(u64::from))
            ),
        ),
        ("Other impact", c.other_impact.clone()),
        ("Motivation", c.motivation.clone()),
    ];
    if app.present {
        rows.push(("Email", "hidden in presentation mode".into()));
        rows.push(("Conflict", "hidden in presentation mode".into()));
    } else {
        rows.push(("Email", c.email.clone()));
        rows.push((
            "Conflict",
            if c.has_conflict() {
                c.conflict_of_interest.clone()
            } else {
                "none declared".into()
            },
        ));
    }
    for (k, v) in &c.extra {
        rows.push((k.as_str(), v.clone()));
    }
    if f.missing {
        rows.push((
            "Pool",
            "NOT in the latest import (kept because drafted)".into(),
        ));
    }
    let ann = s.annotations();
    let mut marks = Vec::new();
    if ann.is_flagged(&c.id) {
        marks.push("flagged for discussion");
    }
    if ann.is_shortlisted(&c.id) {
        marks.push("shortlisted");
    }
    if let Some(role) = s.draft().role_of(&c.id) {
        marks.push(role.label());
    }
    rows.push((
        "Marks",
        if marks.is_empty() {
            "—".into()
        } else {
            marks.join(", ")
        },
    ));
    let notes = ann.notes(&c.id);
    if app.present && !app.notes_revealed {
        rows.push((
            "Notes",
            format!("{} hidden in presentation mode (N shows them)", notes.len()),
        ));
    } else if notes.is_empty() {
        rows.push(("Notes", "none (n adds one)".into()));
    } else {
        for n in notes {
            rows.push(("Note", format!("{} {}: {}", n.time, n.author, n.text)));
        }
    }
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(k, v)| {
            Line::from(vec![
                Span::styled(format!("{k:>14}: "), theme.title),
                Span::raw(v),
            ])
        })
        .collect();
    let block = pane_block(format!(" {} — ↑↓ scroll, Esc closes ", c.name), true, theme);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .alignment(Alignment::Left)
            .scroll((app.overlay_offset, 0)),
        r,
    );
}
