//! The vocabulary of the selection: candidates, countries, fields of
//! expertise, dates. Plain data, no I/O, no terminal.

mod candidate;
mod date;
mod field;
mod gender;
mod region;
mod role;

pub use candidate::{Candidate, CandidateId};
pub use date::Date;
pub use field::{FIELD_COUNT, Field, FieldSet};
pub use gender::Gender;
pub use region::{Development, Region};
pub use role::Role;

/// Folds text for matching: Unicode transliterated to ASCII (accents
/// stripped, ø→o, ß→ss, CJK romanised), lower-cased, every run of
/// non-alphanumerics collapsed to one space, trimmed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        let piece: &str = if c.is_ascii() {
            // Avoid deunicode for the common case.
            let b = c as u8;
            if b.is_ascii_alphanumeric() {
                out_push(
                    &mut out,
                    &mut pending_space,
                    (b.to_ascii_lowercase()) as char,
                );
                continue;
            }
            " "
        } else {
            deunicode::deunicode_char(c).unwrap_or(" ")
        };
        for p in piece.chars() {
            if p.is_ascii_alphanumeric() {
                out_push(&mut out, &mut pending_space, p.to_ascii_lowercase());
            } else {
                pending_space = true;
            }
        }
    }
    out
}

fn out_push(out: &mut String, pending_space: &mut bool, c: char) {
    if *pending_space && !out.is_empty() {
        out.push(' ');
    }
    *pending_space = false;
    out.push(c);
}

/// Like [`fold`] but drops spaces too: "M.I.T." and "mit" both give "mit".
pub fn fold_key(text: &str) -> String {
    fold(text).chars().filter(|c| *c != ' ').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_scripts_and_punctuation() {
        assert_eq!(fold("José"), "jose");
        assert_eq!(fold("Nguyễn Thị  Lan"), "nguyen thi lan");
        assert_eq!(fold("Øvergård"), "overgard");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Łukasz Dvořák"), "lukasz dvorak");
        assert_eq!(fold("M.I.T."), "m i t");
        assert_eq!(fold_key("M.I.T."), "mit");
        assert_eq!(fold("  Côte d'Ivoire "), "cote d ivoire");
        assert!(!fold("王伟").is_empty());
    }
}
