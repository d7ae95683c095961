//! Candidate pool import (CSV or JSON).
//!
//! Parsing is pure: the outcome is a list of candidates plus warnings, and a
//! bad file is reported as the first [`InputError`] found, so the store can
//! apply an import atomically. Both formats feed the same [`Builder`], which
//! owns every per-value rule; `csv` and `json` only turn their syntax into
//! [`Row`]s of [`Cell`]s.

mod csv;
mod json;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use crate::diag::InputError;
use crate::domain::{Candidate, Date, Field, Gender, fold_key};
use crate::reference::{Reference, parse_bool};
use crate::text::{clean_spaces, edit_distance};

/// What an import produced: the candidates in file order, and notes worth
/// showing the committee (unknown columns, territories outside the UN).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    pub candidates: Vec<Candidate>,
    pub warnings: Vec<String>,
}

/// Reads a pool file; format by extension (.csv/.json, case-insensitive),
/// else by content (first non-space byte '[' → JSON).
pub fn read_pool(path: &Path, reference: &Reference) -> Result<ImportOutcome, InputError> {
    let bytes = std::fs::read(path).map_err(|e| {
        InputError::new(path, format!("cannot read the file: {e}"))
            .hint("check the path and that the file is readable")
    })?;
    parse_pool(path, &bytes, reference)
}

/// Same as [`read_pool`], from bytes already read (`path` is used in messages only).
pub fn parse_pool(
    path: &Path,
    bytes: &[u8],
    reference: &Reference,
) -> Result<ImportOutcome, InputError> {
    let text = decode(path, bytes)?;
    let mut builder = Builder::new(path, reference);
    match detect_format(path, text) {
        Format::Json => json::parse(text, &mut builder)?,
        Format::Csv => csv::parse(text, &mut builder)?,
    }
    builder.finish()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
}

fn detect_format(path: &Path, text: &str) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => Format::Csv,
        Some("json") => Format::Json,
        _ if text.trim_start().starts_with('[') => Format::Json,
        _ => Format::Csv,
    }
}

/// Checks the bytes are non-empty UTF-8 text without NUL bytes, and strips a BOM.
fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, InputError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        // Excel's "Unicode text" is UTF-16; say so rather than just "not UTF-8".
        let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        let problem = if utf16 {
            "the file is UTF-16 encoded, not UTF-8".to_owned()
        } else {
            // Show what precedes the bad byte on its line, to find it by eye.
            let valid = bytes.get(..offset).unwrap_or_default();
            let line_start = valid.iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |i| i + 1);
            match std::str::from_utf8(valid.get(line_start..).unwrap_or_default()) {
                Ok(before) if !before.is_empty() => {
                    let cut = before.char_indices().rev().nth(39).map_or(0, |(i, _)| i);
                    let tail = before.get(cut..).unwrap_or(before);
                    format!("the file is not valid UTF-8: a bad byte follows '{tail}'")
                }
                _ => "the file is not valid UTF-8: a bad byte starts the line".to_owned(),
            }
        };
        InputError::new(path, problem).line(Lines::new(bytes).line_at(offset)).hint(
            "save the file as UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\"); this one is probably Latin-1 or Windows-1252",
        )
    })?;
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(
            InputError::new(path, "the file contains a NUL byte; it is not a text file")
                .line(Lines::new(bytes).line_at(offset))
                .hint(
                    "export the pool as CSV (UTF-8) or JSON, not as a spreadsheet or binary file",
                ),
        );
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(InputError::new(path, "the file is empty").hint(
            "export the applications as CSV with a header row, or as a JSON array of objects",
        ));
    }
    Ok(text)
}

/// Turns byte offsets into 1-based line numbers in one pass over the file,
/// for offsets asked in increasing order. Lines end in "\n" (or "\r\n"); a
/// file without any "\n" is taken to use classic Mac "\r" endings.
struct Lines<'a> {
    bytes: &'a [u8],
    newline: u8,
    offset: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Lines<'a> {
        let newline = if bytes.contains(&b'\n') { b'\n' } else { b'\r' };
        Lines {
            bytes,
            newline,
            offset: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        if offset < self.offset {
            (self.offset, self.line) = (0, 1);
        }
        let newline = self.newline;
        let passed = self.bytes.get(self.offset..offset).unwrap_or_default();
        self.line += passed.iter().filter(|&&b| b == newline).count();
        self.offset = offset;
        self.line
    }
}

/// Longest name accepted, in characters.
const NAME_LIMIT: usize = 300;
/// Longest value accepted in any other column: generous for a motivation
/// letter, but stops a broken export from loading megabytes into one cell.
const CELL_LIMIT: usize = 20_000;
/// Most nationalities one candidate may list.
const MAX_NATIONALITIES: usize = 4;

/// The columns the importer knows. Order is the documented column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Id,
    Name,
    Gender,
    Nationality,
    Affiliation,
    Email,
    Fields,
    NominatedBy,
    Submitted,
    UnStaff,
    ConflictOfInterest,
    Publications,
    Citations,
    HIndex,
    I10Index,
    OtherImpact,
    Motivation,
}

/// How a column's value is written in JSON (CSV cells are always text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    List,
    Count,
    Flag,
}

impl Col {
    const COUNT: usize = 17;
    const ALL: [Col; Col::COUNT] = [
        Col::Id,
        Col::Name,
        Col::Gender,
        Col::Nationality,
        Col::Affiliation,
        Col::Email,
        Col::Fields,
        Col::NominatedBy,
        Col::Submitted,
        Col::UnStaff,
        Col::ConflictOfInterest,
        Col::Publications,
        Col::Citations,
        Col::HIndex,
        Col::I10Index,
        Col::OtherImpact,
        Col::Motivation,
    ];

    fn index(self) -> usize {
        self as usize
    }

    /// Canonical spelling; headers match it after [`fold_key`].
    fn name(self) -> &'static str {
        match self {
            Col::Id => "id",
            Col::Name => "name",
            Col::Gender => "gender",
            Col::Nationality => "nationality",
            Col::Affiliation => "affiliation",
            Col::Email => "email",
            Col::Fields => "fields",
            Col::NominatedBy => "nominated_by",
            Col::Submitted => "submitted",
            Col::UnStaff => "un_staff",
            Col::ConflictOfInterest => "conflict_of_interest",
            Col::Publications => "publications",
            Col::Citations => "citations",
            Col::HIndex => "h_index",
            Col::I10Index => "i10_index",
            Col::OtherImpact => "other_impact",
            Col::Motivation => "motivation",
        }
    }

    fn required(self) -> bool {
        matches!(
            self,
            Col::Id | Col::Name | Col::Gender | Col::Nationality | Col::Affiliation | Col::Fields
        )
    }

    fn kind(self) -> Kind {
        match self {
            Col::Nationality | Col::Affiliation | Col::Fields | Col::NominatedBy => Kind::List,
            Col::Publications | Col::Citations | Col::HIndex | Col::I10Index => Kind::Count,
            Col::UnStaff => Kind::Flag,
            _ => Kind::Text,
        }
    }

    /// The column a header (or JSON key) names: case, spaces, hyphens and
    /// underscores are ignored, so "Nominated By" and "H-Index" match.
    fn from_header(header: &str) -> Option<Col> {
        let key = fold_key(header);
        Col::ALL.into_iter().find(|c| fold_key(c.name()) == key)
    }

    fn limit(self) -> usize {
        if self == Col::Name {
            NAME_LIMIT
        } else {
            CELL_LIMIT
        }
    }
}

/// One value as read from the file, before validation.
#[derive(Debug, Clone, Default)]
enum Cell<'a> {
    /// Absent key, JSON null (an empty CSV cell is `Text("")`).
    #[default]
    Empty,
    Text(Cow<'a, str>),
    /// A JSON array of strings, for multi-valued columns.
    List(Vec<&'a str>),
    /// A JSON non-negative integer.
    Count(u64),
    /// A JSON boolean.
    Flag(bool),
}

/// One candidate's values, indexed by [`Col::index`].
struct Row<'a> {
    /// 1-based line where the record (CSV) or object (JSON) starts.
    line: usize,
    cells: [Cell<'a>; Col::COUNT],
    /// The header or key as written in the file, for messages.
    labels: [&'a str; Col::COUNT],
    extra: Vec<(String, String)>,
}

impl<'a> Row<'a> {
    fn new(line: usize) -> Row<'a> {
        Row {
            line,
            cells: Default::default(),
            labels: Col::ALL.map(Col::name),
            extra: Vec::new(),
        }
    }

    fn cell(&self, col: Col) -> &Cell<'a> {
        &self.cells[col.index()]
    }

    fn set(&mut self, col: Col, label: &'a str, cell: Cell<'a>) {
        self.cells[col.index()] = cell;
        self.labels[col.index()] = label;
    }
}

/// A value quoted for a message, shortened so a huge cell stays readable.
fn show(value: &str) -> String {
    const MAX: usize = 60;
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("'{}…'", value.get(..cut).unwrap_or(value)),
        None => format!("'{value}'"),
    }
}

/// Rejects a value longer than its column allows. Checked before any other
/// rule, on every column including unknown ones.
fn check_length(
    path: &Path,
    line: usize,
    label: &str,
    col: Option<Col>,
    value: &str,
) -> Result<(), InputError> {
    let limit = col.map_or(CELL_LIMIT, Col::limit);
    // Bytes bound chars from above: count chars only for long values.
    if value.len() <= limit {
        return Ok(());
    }
    match value.chars().count() {
        chars if chars > limit => Err(length_error(path, line, label, col, chars)),
        _ => Ok(()),
    }
}

fn length_error(
    path: &Path,
    line: usize,
    label: &str,
    col: Option<Col>,
    chars: usize,
) -> InputError {
    let (what, limit) = match col {
        Some(Col::Name) => ("a name", NAME_LIMIT),
        _ => ("a value", CELL_LIMIT),
    };
    InputError::new(
        path,
        format!("the value is {chars} characters long; {what} may have at most {limit}"),
    )
    .line(line)
    .column(label)
    .hint(
        "shorten it; a value this long usually means a misplaced quote or delimiter in the export",
    )
}

/// [`clean_spaces`], without its allocations for the usual already-tidy value.
fn tidy(text: &str) -> String {
    let messy = text.contains("  ") || text.contains(|c: char| c.is_whitespace() && c != ' ');
    if messy || text.trim().len() != text.len() {
        clean_spaces(text)
    } else {
        text.to_owned()
    }
}

fn missing_value(path: &Path, line: usize, label: &str, needs: &str) -> InputError {
    InputError::new(path, "no value given").line(line).column(label).hint(format!(
        "every candidate needs {needs}; fill it in, or remove the candidate if the application is incomplete"
    ))
}

/// Where a territory outside the reference table was seen.
struct Territory {
    code: String,
    rows: usize,
    first_line: usize,
}

/// Validates rows into candidates. Memoises the label and country lookups,
/// since a pool repeats the same few hundred spellings thousands of times.
struct Builder<'r> {
    path: &'r Path,
    reference: &'r Reference,
    candidates: Vec<Candidate>,
    /// id → line it was first seen on.
    ids: HashMap<String, usize>,
    /// Territories in order of first appearance, and code → position there.
    territories: Vec<Territory>,
    territory_index: HashMap<String, usize>,
    /// Raw text → resolved ISO3, or `None` when not in the table.
    countries: HashMap<String, Option<String>>,
    fields: HashMap<String, Option<Field>>,
    warnings: Vec<String>,
    /// Line to blame when the file holds no candidates at all.
    empty_line: usize,
}

impl<'r> Builder<'r> {
    fn new(path: &'r Path, reference: &'r Reference) -> Builder<'r> {
        Builder {
            path,
            reference,
            candidates: Vec::new(),
            ids: HashMap::new(),
            territories: Vec::new(),
            territory_index: HashMap::new(),
            countries: HashMap::new(),
            fields: HashMap::new(),
            warnings: Vec::new(),
            empty_line: 1,
        }
    }

    fn error(&self, line: usize, problem: impl Into<String>) -> InputError {
        InputError::new(self.path, problem).line(line)
    }

    /// Reports unknown columns once, naming at most a handful.
    fn warn_unknown_columns(&mut self, names: &[String]) {
        const SHOWN: usize = 8;
        if names.is_empty() {
            return;
        }
        let mut list = names
            .iter()
            .take(SHOWN)
            .map(|n| format!("'{n}'"))
            .collect::<Vec<_>>()
            .join(", ");
        if names.len() > SHOWN {
            list.push_str(&format!(" and {} more", names.len() - SHOWN));
        }
        let noun = if names.len() == 1 {
            "column"
        } else {
            "columns"
        };
        self.warnings.push(format!(
            "unknown {noun} {list} kept as extra information, not used by the rules"
        ));
    }

    fn add(&mut self, row: Row<'_>) -> Result<(), InputError> {
        let (path, line) = (self.path, row.line);
        let err = |col: Col, problem: String| {
            InputError::new(path, problem)
                .line(line)
                .column(row.labels[col.index()])
        };
        let missing =
            |col: Col, needs: &str| missing_value(path, line, row.labels[col.index()], needs);

        let id = self.text(&row, Col::Id)?;
        if id.is_empty() {
            return Err(missing(Col::Id, "an id"));
        }
        if let Some(&first) = self.ids.get(id) {
            return Err(err(
                Col::Id,
                format!(
                    "id {} appears twice: on line {first} and on line {line}",
                    show(id)
                ),
            )
            .hint("every application needs its own id; fix or remove the duplicate"));
        }

        let name = tidy(self.text(&row, Col::Name)?);
        if name.is_empty() {
            return Err(missing(Col::Name, "a name"));
        }

        let gender_text = self.text(&row, Col::Gender)?;
        if gender_text.is_empty() {
            return Err(missing(Col::Gender, "a gender"));
        }
        let gender = Gender::parse(gender_text).ok_or_else(|| {
            err(Col::Gender, format!("unknown gender {}", show(gender_text))).hint(
                "use female, male, non-binary or undisclosed (also accepted: F/W/woman, M/man, NB/X, U/prefer not to say)",
            )
        })?;

        let nationalities = self.nationalities(&row)?;

        let affiliations: Vec<String> = self
            .items(&row, Col::Affiliation)?
            .into_iter()
            .map(tidy)
            .collect();
        if affiliations.is_empty() {
            return Err(missing(
                Col::Affiliation,
                "an affiliation (write \"Independent\" if none)",
            ));
        }

        let fields = self.fields(&row)?;

        let mut nominated_by = Vec::new();
        for text in self.items(&row, Col::NominatedBy)? {
            let iso3 = self.member_state(&row, Col::NominatedBy, text)?;
            if !nominated_by.contains(&iso3) {
                nominated_by.push(iso3);
            }
        }

        let submitted = match self.text(&row, Col::Submitted)? {
            "" => None,
            text => Some(Date::parse(text).map_err(|problem| {
                err(Col::Submitted, problem)
                    .hint("write dates as YYYY-MM-DD, e.g. 2025-10-31; leave empty if the form was never submitted")
            })?),
        };

        let un_staff = match row.cell(Col::UnStaff) {
            Cell::Flag(b) => *b,
            _ => {
                let text = self.text(&row, Col::UnStaff)?;
                parse_bool(text).ok_or_else(|| {
                    err(Col::UnStaff, format!("{} is not yes or no", show(text)))
                        .hint("use yes/no, true/false or 1/0; empty means no")
                })?
            }
        };

        let candidate = Candidate {
            id: id.to_owned(),
            name,
            gender,
            nationalities,
            affiliations,
            email: self.text(&row, Col::Email)?.to_owned(),
            fields,
            nominated_by,
            submitted,
            un_staff,
            conflict_of_interest: self.text(&row, Col::ConflictOfInterest)?.to_owned(),
            publications: self.count(&row, Col::Publications)?,
            citations: self.count(&row, Col::Citations)?,
            h_index: self.count(&row, Col::HIndex)?,
            i10_index: self.count(&row, Col::I10Index)?,
            other_impact: self.text(&row, Col::OtherImpact)?.to_owned(),
            motivation: self.text(&row, Col::Motivation)?.to_owned(),
            extra: row.extra,
        };
        self.ids.insert(candidate.id.clone(), line);
        self.candidates.push(candidate);
        Ok(())
    }

    /// A single-valued column, trimmed; empty when absent.
    fn text<'c>(&self, row: &'c Row<'_>, col: Col) -> Result<&'c str, InputError> {
        match row.cell(col) {
            Cell::Empty => Ok(""),
            Cell::Text(t) => Ok(t.trim()),
            other => Err(self.wrong_type(row, col, other)),
        }
    }

    /// A multi-valued column: `;`-separated text or a JSON array; blanks dropped.
    fn items<'c>(&self, row: &'c Row<'_>, col: Col) -> Result<Vec<&'c str>, InputError> {
        let parts: Vec<&str> = match row.cell(col) {
            Cell::Empty => Vec::new(),
            Cell::Text(t) => t
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect(),
            Cell::List(items) => items
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect(),
            other => return Err(self.wrong_type(row, col, other)),
        };
        Ok(parts)
    }

    fn wrong_type(&self, row: &Row<'_>, col: Col, cell: &Cell<'_>) -> InputError {
        let found = match cell {
            Cell::Empty | Cell::Text(_) => "text",
            Cell::List(_) => "a list",
            Cell::Count(_) => "a number",
            Cell::Flag(_) => "true/false",
        };
        self.error(
            row.line,
            format!("expected {}, found {found}", json::expected(col.kind())),
        )
        .column(row.labels[col.index()])
    }

    /// A non-negative integer column; empty means unknown.
    fn count<T: TryFrom<u64>>(&self, row: &Row<'_>, col: Col) -> Result<Option<T>, InputError> {
        let err = |problem: String| {
            self.error(row.line, problem)
                .column(row.labels[col.index()])
                .hint("write a whole number such as 42 (no sign, decimals or separators); leave empty if unknown")
        };
        let value = match row.cell(col) {
            Cell::Count(n) => *n,
            _ => {
                let text = self.text(row, col)?;
                if text.is_empty() {
                    return Ok(None);
                }
                if !text.bytes().all(|b| b.is_ascii_digit()) {
                    let problem = if text.starts_with('-') {
                        format!("{} is negative; counts cannot be", show(text))
                    } else {
                        format!("{} is not a whole number", show(text))
                    };
                    return Err(err(problem));
                }
                text.parse::<u64>()
                    .map_err(|_| err(format!("{} is too large", show(text))))?
            }
        };
        T::try_from(value)
            .map(Some)
            .map_err(|_| err(format!("{value} is too large")))
    }

    fn nationalities(&mut self, row: &Row<'_>) -> Result<Vec<String>, InputError> {
        let col = Col::Nationality;
        let items = self.items(row, col)?;
        let mut codes: Vec<String> = Vec::with_capacity(items.len());
        for text in items {
            let code = match self.lookup_country(text) {
                Some(iso3) => iso3,
                // A territory outside the table (e.g. PRI): accepted and counted under no group.
                None if text.len() == 3 && text.bytes().all(|b| b.is_ascii_alphabetic()) => {
                    let code = text.to_ascii_uppercase();
                    self.note_territory(&code, row.line);
                    code
                }
                None => return Err(self.unknown_country(row, col, text)),
            };
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        if codes.is_empty() {
            let needs = "a nationality (an ISO 3166-1 alpha-3 code or the UN short name)";
            return Err(missing_value(
                self.path,
                row.line,
                row.labels[col.index()],
                needs,
            ));
        }
        if codes.len() > MAX_NATIONALITIES {
            return Err(self
                .error(row.line, format!("{} nationalities listed; at most {MAX_NATIONALITIES} are accepted", codes.len()))
                .column(row.labels[col.index()])
                .hint("keep the primary nationality first; check that the cell does not hold another column's values"));
        }
        Ok(codes)
    }

    /// A country that must be in the reference table (a nominating Member State).
    fn member_state(&mut self, row: &Row<'_>, col: Col, text: &str) -> Result<String, InputError> {
        self.lookup_country(text)
            .ok_or_else(|| self.unknown_country(row, col, text))
    }

    fn lookup_country(&mut self, text: &str) -> Option<String> {
        if let Some(hit) = self.countries.get(text) {
            return hit.clone();
        }
        let resolved = self.reference.country(text).map(|c| c.iso3.clone());
        self.countries.insert(text.to_owned(), resolved.clone());
        resolved
    }

    fn unknown_country(&self, row: &Row<'_>, col: Col, text: &str) -> InputError {
        let is_code = text.len() == 3 && text.bytes().all(|b| b.is_ascii_alphabetic());
        // The suggestion costs an edit distance per table key; skip it for
        // junk. For a code, only another code one letter away is a likely typo.
        let suggestion = (text.len() <= 100)
            .then(|| self.reference.suggest_country(text))
            .flatten()
            .filter(|c| !is_code || edit_distance(&c.iso3, &text.to_ascii_uppercase()) <= 1);
        let advice = "Use an ISO 3166-1 alpha-3 code or the UN short name.";
        // A code can only fail here in nominated_by: nationality accepts territories.
        let problem = if is_code {
            format!(
                "'{}' is not a UN member or observer state, so it cannot nominate",
                text.to_ascii_uppercase()
            )
        } else {
            format!("unknown country {}", show(text))
        };
        let hint = match suggestion {
            Some(c) => format!("did you mean '{}' ({})? {advice}", c.name, c.iso3),
            None if is_code => {
                "only UN member and observer states nominate; check the code".to_owned()
            }
            None if col == Col::Nationality => {
                format!(
                    "{advice} A territory outside the UN (e.g. Puerto Rico) is accepted by its code (PRI)."
                )
            }
            None => advice.to_owned(),
        };
        self.error(row.line, problem)
            .column(row.labels[col.index()])
            .hint(hint)
    }

    fn note_territory(&mut self, code: &str, line: usize) {
        match self
            .territory_index
            .get(code)
            .and_then(|&i| self.territories.get_mut(i))
        {
            Some(t) => t.rows += 1,
            None => {
                self.territory_index
                    .insert(code.to_owned(), self.territories.len());
                self.territories.push(Territory {
                    code: code.to_owned(),
                    rows: 1,
                    first_line: line,
                });
            }
        }
    }

    fn fields(&mut self, row: &Row<'_>) -> Result<Vec<Field>, InputError> {
        let col = Col::Fields;
        let mut fields = Vec::new();
        for text in self.items(row, col)? {
            let parsed = match self.fields.get(text) {
                Some(hit) => *hit,
                None => {
                    let parsed = Field::parse(text);
                    self.fields.insert(text.to_owned(), parsed);
                    parsed
                }
            };
            let field = parsed.ok_or_else(|| {
                let closest = Field::closest(if text.len() <= 200 { text } else { "" });
                self.error(row.line, format!("unknown field of expertise {}", show(text)))
                    .column(row.labels[col.index()])
                    .hint(format!(
                        "did you mean '{closest}'? Use the labels of the application form, ';'-separated; prefix \"AI: \" or \"Related: \" where a label exists in both groups"
                    ))
            })?;
            if !fields.contains(&field) {
                fields.push(field);
            }
        }
        if fields.is_empty() {
            let needs = "at least one field of expertise, as labelled on the application form";
            return Err(missing_value(
                self.path,
                row.line,
                row.labels[col.index()],
                needs,
            ));
        }
        Ok(fields)
    }

    fn finish(mut self) -> Result<ImportOutcome, InputError> {
        if self.candidates.is_empty() {
            return Err(self.error(self.empty_line, "the file holds no candidates").hint(
                "importing an empty pool is surely a mistake: check that this is the right file and that it has data rows",
            ));
        }
        for t in &self.territories {
            let rows = match t.rows {
                1 => String::new(),
                n => format!(" ({n} candidates)"),
            };
            self.warnings.push(format!(
                "line {}: nationality '{}' is not a UN member or observer state; imported{rows}, counted under no regional group",
                t.first_line, t.code
            ));
        }
        Ok(ImportOutcome {
            candidates: self.candidates,
            warnings: self.warnings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_loosely() {
        assert_eq!(Col::from_header("Nominated By"), Some(Col::NominatedBy));
        assert_eq!(Col::from_header("H-Index"), Some(Col::HIndex));
        assert_eq!(Col::from_header(" I10_index "), Some(Col::I10Index));
        assert_eq!(
            Col::from_header("Conflict-of-Interest"),
            Some(Col::ConflictOfInterest)
        );
        assert_eq!(Col::from_header("notes"), None);
        for c in Col::ALL {
            assert_eq!(Col::from_header(c.name()), Some(c));
        }
    }

    #[test]
    fn format_by_extension_then_content() {
        assert_eq!(detect_format(Path::new("a.JSON"), "id,name"), Format::Json);
        assert_eq!(detect_format(Path::new("a.Csv"), "[1]"), Format::Csv);
        assert_eq!(detect_format(Path::new("pool"), "  \n[{}]"), Format::Json);
        assert_eq!(detect_format(Path::new("pool.txt"), "id;name"), Format::Csv);
    }

    #[test]
    fn tidy_matches_clean_spaces() {
        for text in [
            "MIT",
            "Univ.  of X",
            " lead",
            "trail ",
            "tab\there",
            "line\nbreak",
            "",
            "nbsp\u{a0}x",
        ] {
            assert_eq!(tidy(text), clean_spaces(text), "{text:?}");
        }
    }

    #[test]
    fn show_shortens_long_values() {
        assert_eq!(show("Kenia"), "'Kenia'");
        let long = "é".repeat(100);
        assert_eq!(show(&long).chars().count(), 60 + 3);
    }
}
