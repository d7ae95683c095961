//! Writes a fictional pool of applications as CSV, the format the importer reads.
//!
//! ```text
//! cargo run --release --example generate_pool -- [--count N] [--seed S] [--out FILE]
//! ```
//!
//! Defaults: 2700 candidates, the default seed, standard output. The bundled
//! `sample-data/candidates.csv` is
//! `cargo run --release --example generate_pool -- --out sample-data/candidates.csv`.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use panel_draft::generate::{DEFAULT_SEED, write_pool_csv};

const USAGE: &str = "usage: generate_pool [--count N] [--seed S] [--out FILE]
  --count N   number of candidates (default 2700)
  --seed S    random seed, an unsigned integer (default 20251031)
  --out FILE  write to FILE instead of standard output";

struct Args {
    count: usize,
    seed: u64,
    out: Option<String>,
}

/// `Ok(None)` means help was asked for.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        count: 2700,
        seed: DEFAULT_SEED,
        out: None,
    };
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        if !["--count", "--seed", "--out"].contains(&flag.as_str()) {
            return Err(format!("unknown argument '{arg}'"));
        }
        let value = match inline.or_else(|| args.next()) {
            Some(v) if !v.is_empty() => v,
            _ => return Err(format!("{flag} needs a value")),
        };
        match flag.as_str() {
            "--count" => {
                parsed.count = value
                    .parse()
                    .map_err(|_| format!("--count wants a non-negative integer, not '{value}'"))?;
            }
            "--seed" => {
                parsed.seed = value
                    .parse()
                    .map_err(|_| format!("--seed wants an unsigned integer, not '{value}'"))?;
            }
            _ => parsed.out = Some(value),
        }
    }
    Ok(Some(parsed))
}

fn write(args: &Args) -> io::Result<()> {
    match &args.out {
        Some(path) => {
            let mut w = BufWriter::new(File::create(path)?);
            write_pool_csv(args.count, args.seed, &mut w)?;
            w.flush()
        }
        None => {
            let mut w = BufWriter::new(io::stdout().lock());
            write_pool_csv(args.count, args.seed, &mut w)?;
            w.flush()
        }
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("generate_pool: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match write(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let target = args.out.as_deref().unwrap_or("standard output");
            eprintln!("generate_pool: cannot write to {target}: {e}");
            ExitCode::FAILURE
        }
    }
}
