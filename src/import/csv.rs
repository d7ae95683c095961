//! CSV pools: delimiter detection and a quote pre-scan over the raw bytes,
//! then the `csv` crate for the records themselves.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use ::csv::{ReaderBuilder, StringRecord};

use super::{Builder, Cell, Col, Lines, NAME_LIMIT, Row, check_length};
use crate::diag::InputError;
use crate::domain::fold_key;

pub(super) fn parse(text: &str, builder: &mut Builder<'_>) -> Result<(), InputError> {
    let path = builder.path;
    let bytes = text.as_bytes();
    let delimiter = detect_delimiter(bytes);
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    // Input is in memory and already valid UTF-8, so reading cannot really fail.
    let read = |reader: &mut ::csv::Reader<&[u8]>, record: &mut StringRecord| {
        reader
            .read_record(record)
            .map_err(|e| InputError::new(path, format!("cannot read the CSV: {e}")))
    };

    let mut lines = Lines::new(bytes);
    let mut header = StringRecord::new();
    if !read(&mut reader, &mut header)? {
        return Err(InputError::new(path, "the file is empty")
            .hint("the first line must be the header row"));
    }
    let header_line = record_line(&header, &mut lines);
    builder.empty_line = header_line;

    // The csv crate reads an unclosed quote silently to the end of the file,
    // swallowing every later row; catch it first, where it opened.
    if let Some(quote) = unclosed_quote(bytes, delimiter) {
        let in_header = (quote.offset as u64) < reader.position().byte();
        let column = if in_header {
            None
        } else {
            header
                .get(quote.field)
                .map(str::trim)
                .filter(|label| !label.is_empty())
        };
        let mut err = InputError::new(path, "a quoted value opened here is never closed")
            .line(Lines::new(bytes).line_at(quote.offset))
            .hint("close the quote, or write a quote inside a quoted value as two quotes (\"\")");
        if let Some(column) = column {
            err = err.column(column);
        }
        return Err(err);
    }

    let columns = read_header(path, &header, header_line)?;
    // Whether a blank-headed column held any value: only then is it worth a warning.
    let mut blank_used = vec![false; columns.len()];
    let mut record = StringRecord::new();
    while read(&mut reader, &mut record)? {
        let line = record_line(&record, &mut lines);
        // Spreadsheets often export trailing rows of bare delimiters.
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if record.len() != columns.len() {
            let delim = char::from(delimiter);
            return Err(InputError::new(
                path,
                format!("line {line} has {} cells, the header has {}", record.len(), columns.len()),
            )
            .line(line)
            .hint(format!(
                "a value containing '{delim}' must be in double quotes; check this row for a missing or extra '{delim}'"
            )));
        }
        let mut row = Row::new(line);
        for ((column, value), used) in columns.iter().zip(&record).zip(&mut blank_used) {
            check_length(path, line, &column.label, column.col, value)?;
            match column.col {
                Some(col) => row.set(col, &column.label, Cell::Text(Cow::Borrowed(value))),
                None => {
                    let value = value.trim();
                    if !value.is_empty() {
                        row.extra.push((column.label.clone(), value.to_owned()));
                        *used = true;
                    }
                }
            }
        }
        builder.add(row)?;
    }

    let unknown: Vec<String> = columns
        .iter()
        .zip(&blank_used)
        .filter(|(c, used)| c.col.is_none() && (!c.blank || **used))
        .map(|(c, _)| c.label.clone())
        .collect();
    builder.warn_unknown_columns(&unknown);
    Ok(())
}

/// One header cell: its label as written, and the known column it names.
struct Column {
    label: String,
    col: Option<Col>,
    /// The header cell is empty; the label is made up ("column 18").
    blank: bool,
}

/// Reads the header row: rejects duplicate and missing columns.
fn read_header(path: &Path, header: &StringRecord, line: usize) -> Result<Vec<Column>, InputError> {
    let mut columns: Vec<Column> = Vec::with_capacity(header.len());
    // fold_key of each label → its position, to catch "H-Index" next to "h_index".
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, label) in header.iter().map(str::trim).enumerate() {
        // Labels are repeated into messages and every row's `extra`; keep them short.
        let chars = label.chars().count();
        if chars > NAME_LIMIT {
            return Err(InputError::new(
                path,
                format!("header cell {} is {chars} characters long; a column name may have at most {NAME_LIMIT}", i + 1),
            )
            .line(line)
            .hint("the first line must be the header row: id, name, gender, nationality, affiliation, fields, …"));
        }
        let key = fold_key(label);
        if key.is_empty() {
            columns.push(Column {
                label: format!("column {}", i + 1),
                col: None,
                blank: true,
            });
            continue;
        }
        if let Some(first) = seen.insert(key, i) {
            let first_label = columns.get(first).map_or("", |c| c.label.as_str());
            return Err(InputError::new(
                path,
                format!(
                    "the header names the same column twice: '{first_label}' (column {}) and '{label}' (column {})",
                    first + 1,
                    i + 1
                ),
            )
            .line(line)
            .column(label)
            .hint("remove or rename one of them"));
        }
        columns.push(Column {
            label: label.to_owned(),
            col: Col::from_header(label),
            blank: false,
        });
    }

    let missing: Vec<&str> = Col::ALL
        .into_iter()
        .filter(|c| c.required() && !columns.iter().any(|k| k.col == Some(*c)))
        .map(Col::name)
        .collect();
    if !missing.is_empty() {
        const SHOWN: usize = 30;
        let mut found = columns
            .iter()
            .filter(|c| !c.blank)
            .take(SHOWN)
            .map(|c| format!("'{}'", c.label))
            .collect::<Vec<_>>()
            .join(", ");
        if columns.len() > SHOWN {
            found.push_str(", …");
        }
        let noun = if missing.len() == 1 {
            "column"
        } else {
            "columns"
        };
        // One column holding tabs or pipes: the file uses another separator.
        if let [only] = columns.as_slice()
            && let Some(sep) = ['\t', '|'].into_iter().find(|c| only.label.contains(*c))
        {
            let name = if sep == '\t' { "tab" } else { "'|'" };
            return Err(InputError::new(
                path,
                format!("the header is one column separated by {name}s"),
            )
            .line(line)
            .hint("save the file as CSV with ',' or ';' between columns (or as JSON)"));
        }
        return Err(InputError::new(path, format!("missing required {noun} '{}'", missing.join("', '")))
            .line(line)
            .hint(format!(
                "the header has {found}; it needs id, name, gender, nationality, affiliation and fields (case, spaces, '-' and '_' do not matter)"
            )));
    }
    Ok(columns)
}

/// The line a record starts on. The csv crate's own line count is off by
/// one after "\r\n" (its position is taken before the "\n"), so count from
/// the byte offset, skipping the line breaks in front of the record.
fn record_line(record: &StringRecord, lines: &mut Lines<'_>) -> usize {
    let at = record
        .position()
        .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
    let breaks = lines
        .bytes
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .count();
    lines.line_at(at.saturating_add(breaks))
}

/// Where a byte leaves the quoting state, following csv-core's rules: a
/// quote opens a quoted value only as a field's first byte, `""` inside one
/// is a literal quote, and elsewhere a quote is an ordinary character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scan {
    FieldStart,
    Unquoted,
    Quoted,
    /// Just read a quote inside a quoted value: the end, or half of `""`.
    AfterQuote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    None,
    Open,
    Delimiter,
    EndOfRecord,
}

impl Scan {
    fn step(self, b: u8, is_delimiter: bool) -> (Scan, Event) {
        match self {
            Scan::Quoted if b == b'"' => (Scan::AfterQuote, Event::None),
            Scan::Quoted => (Scan::Quoted, Event::None),
            Scan::AfterQuote if b == b'"' => (Scan::Quoted, Event::None),
            Scan::FieldStart if b == b'"' => (Scan::Quoted, Event::Open),
            _ if is_delimiter => (Scan::FieldStart, Event::Delimiter),
            _ if b == b'\n' || b == b'\r' => (Scan::FieldStart, Event::EndOfRecord),
            _ => (Scan::Unquoted, Event::None),
        }
    }
}

/// Picks ';' if the header line (outside quotes) has more semicolons than
/// commas, else ','.
fn detect_delimiter(bytes: &[u8]) -> u8 {
    let (mut commas, mut semicolons) = (0usize, 0usize);
    let mut state = Scan::FieldStart;
    let mut seen_content = false;
    for &b in bytes {
        let (next, event) = state.step(b, b == b',' || b == b';');
        match event {
            Event::Delimiter if b == b',' => commas += 1,
            Event::Delimiter => semicolons += 1,
            // Blank lines before the header are skipped, like the csv crate does.
            Event::EndOfRecord if seen_content => break,
            Event::EndOfRecord => {}
            Event::None | Event::Open => seen_content = true,
        }
        state = next;
    }
    if semicolons > commas { b';' } else { b',' }
}

/// A quoted value that runs to the end of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct UnclosedQuote {
    /// Byte offset of the opening quote.
    offset: usize,
    /// 0-based index of the field it opens within its record.
    field: usize,
}

fn unclosed_quote(bytes: &[u8], delimiter: u8) -> Option<UnclosedQuote> {
    let mut state = Scan::FieldStart;
    let mut field = 0;
    let mut open = UnclosedQuote {
        offset: 0,
        field: 0,
    };
    let mut offset = 0;
    while offset < bytes.len() {
        // Jump over runs of bytes that cannot change the state: this scan
        // reads the whole file, so it should not step through every byte.
        let rest = bytes.get(offset..).unwrap_or_default();
        let skip = match state {
            Scan::Quoted => rest.iter().position(|&b| b == b'"'),
            Scan::Unquoted => rest
                .iter()
                .position(|&b| b == delimiter || b == b'\n' || b == b'\r'),
            Scan::FieldStart | Scan::AfterQuote => Some(0),
        };
        let Some(skip) = skip else { break };
        offset += skip;
        let Some(&b) = bytes.get(offset) else { break };
        let (next, event) = state.step(b, b == delimiter);
        match event {
            Event::Open => open = UnclosedQuote { offset, field },
            Event::Delimiter => field += 1,
            Event::EndOfRecord => field = 0,
            Event::None => {}
        }
        state = next;
        offset += 1;
    }
    (state == Scan::Quoted).then_some(open)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::line_of;

    #[test]
    fn delimiter_from_the_header_line() {
        assert_eq!(detect_delimiter(b"id,name,gender\n1;2;3;4;5\n"), b',');
        assert_eq!(detect_delimiter(b"id;name;gender\n1,2,3,4,5\n"), b';');
        assert_eq!(detect_delimiter(b"\r\n\nid;name\r\n"), b';');
        assert_eq!(detect_delimiter(b"id"), b',');
        assert_eq!(detect_delimiter(b""), b',');
    }

    #[test]
    fn delimiter_ignores_quoted_text() {
        assert_eq!(detect_delimiter(b"\"a,b,c\";x;y\n"), b';');
        assert_eq!(detect_delimiter(b"\"a;\"\"b;c\";x,y,z\n"), b',');
        // A quote mid-field is literal, so it does not hide what follows.
        assert_eq!(detect_delimiter(b"a\"b;c;d,e\n"), b';');
        // A quoted newline does not end the header.
        assert_eq!(detect_delimiter(b"\"a\nb\";c;d\n,,,,,\n"), b';');
    }

    #[test]
    fn closed_quotes_pass() {
        for text in [
            &b"a,b\n\"x,y\",z\n"[..],
            b"a,b\n\"say \"\"hi\"\"\",z\n",
            b"a,b\n\"multi\nline\",z\n",
            b"a,b\nx\"y,z\n",
            b"a,b\n \"x,y\n",
            b"a,b\n\"x\"tail,z\n",
            b"",
        ] {
            assert_eq!(
                unclosed_quote(text, b','),
                None,
                "{}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn unclosed_quote_reports_where_it_opened() {
        let text = b"a,b,c\n1,2,3\n4,\"five,6\n7,8,9\n";
        let found = unclosed_quote(text, b',');
        assert_eq!(
            found,
            Some(UnclosedQuote {
                offset: 14,
                field: 1
            })
        );
        assert_eq!(line_of(text, 14), 3);
        // An escaped quote at the end does not close the value.
        assert_eq!(
            unclosed_quote(b"a\n\"x\"\"\n", b',').map(|q| q.offset),
            Some(2)
        );
        // The delimiter matters: after ';' a quote opens a value, after ',' it does not.
        assert!(unclosed_quote(b"a;\"b\n", b';').is_some());
        assert!(unclosed_quote(b"a;\"b\n", b',').is_none());
    }
}
