//! JSON pools: an array of objects whose keys are matched like CSV headers.
//! serde_json locates syntax errors itself; for a bad value we report the
//! line where its object starts, found by [`element_lines`].

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::Value;
use serde_json::error::Category;

use super::{Builder, Cell, Col, Kind, NAME_LIMIT, Row, check_length, length_error};
use crate::diag::{InputError, line_of};

pub(super) fn parse(text: &str, builder: &mut Builder<'_>) -> Result<(), InputError> {
    let path = builder.path;
    let bytes = text.as_bytes();
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(path, &e))?;
    let first_line = line_of(
        bytes,
        bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(0),
    );
    builder.empty_line = first_line;
    let Value::Array(items) = &value else {
        return Err(InputError::new(
            path,
            format!("expected an array of candidates, found {}", kind_of(&value)),
        )
        .line(first_line)
        .hint(
            "the file must be a JSON array of objects: [{\"id\": \"A-1\", \"name\": \"…\", …}, …]",
        ));
    };

    let lines = element_lines(bytes);
    // Keys repeat in every object; fold each distinct spelling once.
    let mut key_columns: HashMap<&str, Option<Col>> = HashMap::new();
    let mut unknown: Vec<String> = Vec::new();
    let mut unknown_seen: HashSet<&str> = HashSet::new();
    for (k, item) in items.iter().enumerate() {
        let line = lines.get(k).copied().unwrap_or(first_line);
        let Value::Object(object) = item else {
            return Err(InputError::new(
                path,
                format!("candidate {} of the array is {}, not an object", k + 1, kind_of(item)),
            )
            .line(line)
            .hint("each candidate must be an object such as {\"id\": \"A-1\", \"name\": \"…\", \"gender\": \"female\", …}"));
        };
        let mut row = Row::new(line);
        let mut keys: [Option<&str>; Col::COUNT] = [None; Col::COUNT];
        for (key, value) in object {
            let col = match key_columns.get(key.as_str()) {
                Some(col) => *col,
                None => {
                    // Keys are copied into every object's `extra`; keep them short.
                    let chars = key.chars().count();
                    if chars > NAME_LIMIT {
                        return Err(InputError::new(
                            path,
                            format!("a key is {chars} characters long; keys may have at most {NAME_LIMIT}"),
                        )
                        .line(line)
                        .hint("keys name columns: id, name, gender, nationality, affiliation, fields, …"));
                    }
                    let col = Col::from_header(key);
                    key_columns.insert(key, col);
                    col
                }
            };
            let Some(col) = col else {
                if let Some(text) = extra_text(value) {
                    check_length(path, line, key, None, &text)?;
                    row.extra.push((key.clone(), text));
                }
                if unknown_seen.insert(key.as_str()) {
                    unknown.push(key.clone());
                }
                continue;
            };
            if let Some(first) = keys[col.index()].replace(key.as_str()) {
                return Err(InputError::new(
                    path,
                    format!("keys '{first}' and '{key}' both mean '{}'", col.name()),
                )
                .line(line)
                .column(key.as_str())
                .hint("keep only one of them"));
            }
            row.set(col, key, cell(path, line, key, col, value)?);
        }
        builder.add(row)?;
    }
    builder.warn_unknown_columns(&unknown);
    Ok(())
}

/// Converts a JSON value to a [`Cell`], accepting what each kind of column
/// may reasonably hold: text columns take strings (ids also numbers), lists
/// take a `;`-separated string or an array of strings, counts take numbers
/// or numeric strings, flags take booleans, strings or 0/1.
fn cell<'a>(
    path: &Path,
    line: usize,
    key: &str,
    col: Col,
    value: &'a Value,
) -> Result<Cell<'a>, InputError> {
    let kind = col.kind();
    let wrong = |found: &str| {
        InputError::new(path, format!("expected {}, found {found}", expected(kind)))
            .line(line)
            .column(key)
            .hint(format!("write it like \"{key}\": {}", example(kind)))
    };
    let cell = match (kind, value) {
        (_, Value::Null) => Cell::Empty,
        (_, Value::String(s)) => {
            check_length(path, line, key, Some(col), s)?;
            Cell::Text(Cow::Borrowed(s))
        }
        (Kind::List, Value::Array(items)) => {
            let mut parts = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Value::String(s) => parts.push(s.as_str()),
                    Value::Null => {}
                    other => return Err(wrong(&format!("an array holding {}", kind_of(other)))),
                }
            }
            // The limit applies to the list as a whole, as it does to a CSV cell.
            let bytes: usize = parts.iter().map(|s| s.len()).sum();
            if bytes > col.limit() {
                let chars = parts.iter().map(|s| s.chars().count()).sum();
                if chars > col.limit() {
                    return Err(length_error(path, line, key, Some(col), chars));
                }
            }
            Cell::List(parts)
        }
        // Negative or fractional numbers go on as text, to be rejected
        // with the same message as in a CSV file.
        (Kind::Count, Value::Number(n)) => n
            .as_u64()
            .map_or_else(|| Cell::Text(Cow::Owned(n.to_string())), Cell::Count),
        (Kind::Flag, Value::Bool(b)) => Cell::Flag(*b),
        (Kind::Flag, Value::Number(n)) => Cell::Text(Cow::Owned(n.to_string())),
        (Kind::Text, Value::Number(n)) if col == Col::Id => Cell::Text(Cow::Owned(n.to_string())),
        (_, other) => return Err(wrong(kind_of(other))),
    };
    Ok(cell)
}

/// What a column of this kind holds, for "expected …" messages.
pub(super) fn expected(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "text",
        Kind::List => "text or an array of strings",
        Kind::Count => "a non-negative whole number",
        Kind::Flag => "yes/no or true/false",
    }
}

fn example(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "\"…\"",
        Kind::List => "[\"first\", \"second\"] or \"first; second\"",
        Kind::Count => "12",
        Kind::Flag => "false",
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// An unknown key's value as text for `Candidate::extra`; `None` if empty.
fn extra_text(value: &Value) -> Option<String> {
    let text = match value {
        Value::Null => return None,
        Value::String(s) => s.trim().to_owned(),
        Value::Array(items) => items
            .iter()
            .filter_map(|item| match item {
                Value::String(s) => Some(s.trim().to_owned()),
                Value::Null => None,
                other => Some(other.to_string()),
            })
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    };
    (!text.is_empty()).then_some(text)
}

fn syntax_error(path: &Path, e: &serde_json::Error) -> InputError {
    // serde_json's message ends with " at line L column C"; the line goes in
    // its own place, the column (a character position) stays in the text.
    let message = e.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    let problem = match e.classify() {
        Category::Eof => format!("the JSON ends early: {message}"),
        _ => format!("invalid JSON at character {}: {message}", e.column()),
    };
    InputError::new(path, problem)
        .line(e.line().max(1))
        .hint("fix the JSON syntax there (often a missing comma, quote or bracket just before); a JSON validator shows the spot")
}

/// The 1-based line on which each element of the top-level array starts.
/// Only called on text that parsed, so it tracks just strings (and their
/// escapes) and nesting depth, with no validation.
fn element_lines(bytes: &[u8]) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut line = 1;
    let mut depth = 0usize;
    // Inside the top-level array, waiting for the next element to begin.
    let mut expecting = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        if b == b'"' {
            // Jump to the closing quote, stepping over escapes. Valid JSON
            // strings hold no raw newlines, so no lines are missed.
            loop {
                let rest = bytes.get(i..).unwrap_or_default();
                match rest.iter().position(|&c| c == b'"' || c == b'\\') {
                    Some(k) if rest.get(k) == Some(&b'\\') => i += k + 2,
                    Some(k) => {
                        i += k + 1;
                        break;
                    }
                    None => {
                        i = bytes.len();
                        break;
                    }
                }
            }
        }
        let starts_value = !matches!(b, b']' | b'}' | b',' | b':' | b' ' | b'\t' | b'\n' | b'\r');
        if depth == 1 && expecting && starts_value {
            lines.push(line);
            expecting = false;
        }
        match b {
            b'\n' => line += 1,
            b'[' | b'{' => {
                depth += 1;
                expecting = depth == 1;
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_lines_follow_top_level_elements() {
        let text = "[\n  {\"id\": \"a\", \"x\": [1, {\"y\": 2}]},\n  {\n    \"id\": \"b\"\n  },\n\n  3, \"s\", null\n]\n";
        assert_eq!(element_lines(text.as_bytes()), vec![2, 3, 7, 7, 7]);
    }

    #[test]
    fn element_lines_ignore_brackets_and_quotes_in_strings() {
        let text = "[{\"a\": \"[{,\\\"]}\"},\n{\"b\": \"\\\\\"}, \n {\"c\": 1}]";
        assert_eq!(element_lines(text.as_bytes()), vec![1, 2, 3]);
        assert_eq!(element_lines(b"[]"), Vec::<usize>::new());
        assert_eq!(element_lines(b"  [\n\n[1,2],[3]]"), vec![3, 3]);
    }

    #[test]
    fn element_lines_count_matches_parsed_length() {
        let text = r#"[{"k": "a,b"}, [], {}, "}", 1.5e3, true, {"n": {"m": [{"o": "]"}]}}]"#;
        let parsed: Value = serde_json::from_str(text).unwrap();
        let len = parsed.as_array().map_or(0, Vec::len);
        assert_eq!(element_lines(text.as_bytes()).len(), len);
    }

    #[test]
    fn syntax_errors_keep_the_line_and_drop_the_duplicate_location() {
        let e = serde_json::from_str::<Value>("[\n{\"a\": 1,}\n]").unwrap_err();
        let err = syntax_error(Path::new("p.json"), &e);
        assert_eq!(err.line, Some(2));
        assert!(!err.problem.contains("at line"), "{}", err.problem);
    }
}
