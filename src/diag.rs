//! The one error shape for bad input files: which file, which line and
//! column, what is wrong, and what to do about it.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub file: PathBuf,
    /// 1-based physical line where the offending record or value starts.
    pub line: Option<usize>,
    /// Column name (CSV header, JSON key or TOML key).
    pub column: Option<String>,
    pub problem: String,
    pub hint: Option<String>,
}

impl InputError {
    pub fn new(file: &Path, problem: impl Into<String>) -> InputError {
        InputError {
            file: file.to_path_buf(),
            line: None,
            column: None,
            problem: problem.into(),
            hint: None,
        }
    }

    pub fn line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(col) = &self.column {
            write!(f, ", column '{col}'")?;
        }
        write!(f, ": {}", self.problem)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// 1-based line number of a byte offset.
pub fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}
