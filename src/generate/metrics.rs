//! Bibliometrics: publications, citations, h-index and i10-index, drawn from
//! piecewise-linear quantile tables (no transcendental functions, so the
//! output is identical on every platform).

use super::Rng;

/// (cumulative probability, value) points of the publications distribution.
const PUBLICATIONS: &[(f64, f64)] = &[
    (0.0, 2.0),
    (0.1, 8.0),
    (0.25, 20.0),
    (0.5, 45.0),
    (0.75, 95.0),
    (0.9, 180.0),
    (0.97, 320.0),
    (1.0, 900.0),
];

/// Citations per publication.
const CITES_PER_PAPER: &[(f64, f64)] = &[
    (0.0, 1.0),
    (0.1, 4.0),
    (0.3, 10.0),
    (0.5, 18.0),
    (0.8, 40.0),
    (0.95, 80.0),
    (1.0, 160.0),
];

fn quantile(u: f64, table: &[(f64, f64)]) -> f64 {
    for w in table.windows(2) {
        let ((p0, v0), (p1, v1)) = (w[0], w[1]);
        if u <= p1 {
            return v0 + (v1 - v0) * (u - p0) / (p1 - p0);
        }
    }
    table.last().map(|&(_, v)| v).unwrap_or(0.0)
}

/// `[publications, citations, h_index, i10_index]` of one candidate; about
/// one in ten is a practitioner with a short publication record.
pub(crate) fn draw(rng: &mut Rng) -> [u64; 4] {
    let practitioner = rng.below(100) < 10;
    let (pubs, per_paper) = if practitioner {
        (rng.below(16) as f64, rng.below(12) as f64)
    } else {
        let p = quantile(rng.unit(), PUBLICATIONS).round();
        (p, quantile(rng.unit(), CITES_PER_PAPER))
    };
    let citations = (pubs * per_paper).round();
    // Hirsch: citations ≈ a·h² with a between 3 and 5.5.
    let a = 3.0 + 2.5 * rng.unit();
    // Only a handful of papers sit below the h core in a real record.
    let cap = if pubs <= 8.0 {
        pubs
    } else {
        (pubs * 0.7).round().max(8.0)
    };
    let h = (citations / a).sqrt().round().min(cap);
    let i10 = if h >= 10.0 {
        // At least the h papers have ≥ h ≥ 10 citations each.
        let share = ((per_paper - 8.0) / 80.0).clamp(0.0, 0.7) * rng.unit();
        h + ((pubs - h) * share).round()
    } else {
        // With h < 10, at most h papers can have 10 or more citations.
        (h * (per_paper / 25.0).min(1.0)).round()
    };
    [pubs as u64, citations as u64, h as u64, i10 as u64]
}
