use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (the day an application form was submitted).
/// Field order makes the derived `Ord` chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as 2025-02-30.
    pub fn parse(text: &str) -> Result<Date, String> {
        let t = text.trim();
        let parts: Vec<&str> = t.split('-').collect();
        let bad = || format!("'{t}' is not a date in the form YYYY-MM-DD (e.g. 2025-10-31)");
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(bad());
        }
        let num = |s: &str| -> Option<u16> {
            if s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let (Some(year), Some(month), Some(day)) = (num(parts[0]), num(parts[1]), num(parts[2]))
        else {
            return Err(bad());
        };
        if !(1..=12).contains(&month) {
            return Err(format!("'{t}' has month {month}; months run from 01 to 12"));
        }
        let max_day = days_in_month(year, month as u8);
        if day == 0 || day > u16::from(max_day) {
            return Err(format!(
                "'{t}' does not exist: that month has {max_day} days"
            ));
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders() {
        let a = Date::parse("2025-10-31").unwrap();
        let b = Date::parse("2025-11-01").unwrap();
        assert!(a < b);
        assert_eq!(a.to_string(), "2025-10-31");
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "31/10/2025",
            "2025-1-1",
            "",
            "２０２５-10-31",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad} accepted");
        }
        assert!(Date::parse("2025-02-30").unwrap_err().contains("28 days"));
    }
}
