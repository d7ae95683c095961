//! Deterministic generator of fictional candidate pools, in the CSV layout
//! the importer reads (see `HEADER`).
//!
//! Every person is invented: given and family names are drawn independently
//! from per-culture lists and a short list of well-known people is refused.
//! Countries (UN Member States, from `sample-data/countries.csv`) and
//! institutions are real. The module uses std only and reads no files.
//!
//! Each row has its own splitmix64 stream derived from `(seed, row)`, so the
//! same `(count, seed)` always gives the same bytes, and a smaller pool is a
//! prefix of a larger one with the same seed (apart from the id width).
//!
//! The pool deliberately contains what real application data contains:
//! diacritics and non-Latin scripts, gender spelled several ways, dual
//! nationals, countries written as names, a few non-member territories,
//! several spellings of the same institution, late and missing submission
//! dates, UN staff, conflicts of interest, blank metrics, and quoted cells
//! with commas, quotes and line breaks.

mod countries;
mod institutions;
mod institutions_data;
mod metrics;
mod names;
mod names_latin;
mod names_script;
mod row;
mod tables;
mod text;

#[cfg(test)]
mod tests;

use std::io::{self, Write};

/// Seed of the bundled `sample-data/candidates.csv` (the application deadline).
pub const DEFAULT_SEED: u64 = 20251031;

/// Header line of the generated CSV (without the line feed).
pub(crate) const HEADER: &str = "id,name,gender,nationality,affiliation,email,fields,nominated_by,submitted,un_staff,conflict_of_interest,publications,citations,h_index,i10_index,other_impact,motivation";

/// Writes a fictional pool of `count` applications as CSV (header + rows) to `out`.
pub fn write_pool_csv(count: usize, seed: u64, out: &mut impl Write) -> io::Result<()> {
    let tables = tables::Tables::new();
    let width = id_width(count);
    let mut buf = String::with_capacity(1 << 16);
    buf.push_str(HEADER);
    buf.push('\n');
    for n in 0..count {
        row::write_row(&tables, seed, n, width, &mut buf);
        if buf.len() >= 60_000 {
            out.write_all(buf.as_bytes())?;
            buf.clear();
        }
    }
    out.write_all(buf.as_bytes())?;
    out.flush()
}

/// Width of the zero-padded number in ids: at least 5 digits.
fn id_width(count: usize) -> usize {
    count.to_string().len().max(5)
}

/// Appends `value` as one CSV cell, quoted per RFC 4180 when it contains a
/// comma, a double quote, CR or LF.
pub(crate) fn push_cell(line: &mut String, value: &str) {
    if value.contains([',', '"', '\r', '\n']) {
        line.push('"');
        line.push_str(&value.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(value);
    }
}

/// splitmix64 (Steele, Lea and Flood 2014): small, fast and fully specified.
pub(crate) struct Rng {
    state: u64,
}

fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// The independent stream of row `row` of the pool seeded with `seed`.
    pub(crate) fn for_row(seed: u64, row: usize) -> Self {
        let row_key = mix64((row as u64).wrapping_add(0x2545_F491_4F6C_DD1D));
        Rng {
            state: mix64(seed ^ row_key),
        }
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix64(self.state)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}
