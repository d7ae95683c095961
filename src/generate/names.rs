//! Invented person names: a given name and a family name drawn independently
//! from per-culture lists, so every combination is made up. A short list of
//! combinations that would spell a well-known real person is refused.
//!
//! List format: entries separated by `|`; an entry may carry a native-script
//! form after `=` (`Wang=王`) and a family name may carry a female form after
//! `/` (`Dvořák/Dvořáková`, `Ivanov=Иванов/Ivanova=Иванова`).

use super::Rng;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Order of the Latin form of a full name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Order {
    /// `José García`
    GivenFamily,
    /// `Nguyễn Thị Lan`
    FamilyGiven,
}

/// One naming culture.
#[derive(Debug)]
pub(crate) struct Culture {
    pub female: &'static str,
    pub male: &'static str,
    pub family: &'static str,
    pub order: Order,
    /// Percent of home-country rows written in the native script.
    pub native_pct: u32,
    /// Native form is family then given, with no space (Chinese, Japanese, Korean).
    pub native_joined: bool,
    /// Percent of rows carrying two family names (Iberian usage).
    pub double_pct: u32,
}

/// Defaults for a Latin-script culture; use with `..LATIN`.
pub(crate) const LATIN: Culture = Culture {
    female: "",
    male: "",
    family: "",
    order: Order::GivenFamily,
    native_pct: 0,
    native_joined: false,
    double_pct: 0,
};

/// A generated name: what goes in the `name` column, plus the Latin parts
/// the e-mail address is built from.
pub(crate) struct Name {
    pub display: String,
    pub given: String,
    pub family: String,
    pub order: Order,
}

/// What a forced row pins down (see `row::FORCED`).
#[derive(Clone, Copy, Default)]
pub(crate) struct NameHint {
    pub given: Option<&'static str>,
    pub family: Option<&'static str>,
    pub native: Option<bool>,
}

/// Well-known people whose names the lists could otherwise spell (`|`-separated).
const BLOCKED: &[&str] = &[
    "Peter Parker|Michael Collins|Thomas Harris|Niamh Kavanagh|Diego Rivera|Fernando Torres",
    "Raúl González|Miguel Díaz|Isabel Díaz|Pablo Morales|Thiago Silva|Pedro Costa|André Silva",
    "Julia Fischer|Lena Meyer|Bart Peeters|Paolo Rossi|Andrea Rossi|Giuseppe Rossi|Silvia Romano",
    "Stefano Ricci|Anders Holm|Mikkel Hansen|Marek Kamiński|Piotr Nowak|Jiří Novák|László Kovács",
    "Alexandra Stan|Tigran Petrosyan|Armen Sargsyan|Tigran Sargsyan|Burak Yılmaz|Emre Aydın",
    "Ali Karimi|Carlo Aquino|Ramon Bautista|Emeka Okafor|Cheikh Diop|Aminata Touré|Rokia Traoré",
    "Aminata Traoré|Moussa Traoré|Ibrahima Traoré|Ousmane Sow|Issa Diop|Abdoulaye Diop",
    "Svetlana Kuznetsova|Ekaterina Volkova|Olga Smirnova|Mikhail Fedorov|Михаил Федоров",
    "Sergey Lebedev|Andrei Melnyk|Georgi Ivanov|Alexei Smirnov|Bogdan Bondarenko|Ahmed Yassin",
    "Ali Saleh|Mustafa Khalil|Hamza Yassin|Ahmed Saad|Mahmoud Saad|Na Li|李娜|Qiang Li|李强|Qiang Zhou",
    "周强|Wei Zhao|Jing Wu|Yang Liu|刘洋|Yang Sun|Jun Ma|马军|Jun Hu|胡军|Tao Liu|刘涛|Li Sun|Lei Huang|黄磊",
    "Ying Yang|杨颖|Yong Zhang|张勇|Jun Zhu|朱军|Tao Wang|Naoko Takahashi|Kazuki Takahashi|Hiroshi Mori",
    "Makoto Kobayashi|小林誠|Daisuke Inoue|Emi Suzuki|Jun-ho Lee|이준호|Ji-hoon Jung|정지훈|Seung-hoon Lee",
    "이승훈|Sang-woo Cho|조상우|Eun-ji Jung|정은지|Hye-jin Han|한혜진|Min-ji Kim|김민지|Na-rae Park|박나래",
    "Hyun-woo Lee|이현우|Sung-min Lee|이성민|Seo-jun Park|Ji-yeon Park|박지연|Meera Nair|Lakshmi Menon",
    "Sanjay Gupta|Neha Sharma|Rahul Sharma|Giorgos Papadopoulos|Andreas Georgiou|Yannis Ioannidis",
    "Avi Cohen|Amit Segal|Yael Cohen",
];

/// Whether `name` is one of the `BLOCKED` people.
fn blocked(name: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| BLOCKED.iter().flat_map(|l| l.split('|')).collect())
        .contains(name)
}

/// Number of `|`-separated entries in a list.
fn count(list: &str) -> usize {
    list.bytes().filter(|&b| b == b'|').count() + 1
}

fn pick(rng: &mut Rng, list: &'static str) -> &'static str {
    let n = rng.below(count(list));
    list.split('|').nth(n).unwrap_or(list)
}

/// The (Latin, native) forms of an entry for the given sex.
fn forms(entry: &'static str, female: bool) -> (&'static str, Option<&'static str>) {
    let mut parts = entry.split('/');
    let male_form = parts.next().unwrap_or(entry);
    let chosen = match (female, parts.next()) {
        (true, Some(f)) => f,
        _ => male_form,
    };
    match chosen.split_once('=') {
        Some((latin, native)) => (latin, Some(native)),
        None => (chosen, None),
    }
}

/// Draws a full name. `native_allowed` says whether this candidate's country
/// writes the culture's native script; `female` picks gendered lists.
pub(crate) fn make_name(
    rng: &mut Rng,
    culture: &Culture,
    female: bool,
    native_allowed: bool,
    hint: NameHint,
) -> Name {
    let mut name = draw(rng, culture, female, native_allowed, hint);
    for _ in 0..8 {
        let latin = format!("{} {}", name.given, name.family);
        if !blocked(&name.display) && !blocked(&latin) {
            break;
        }
        name = draw(rng, culture, female, native_allowed, hint);
    }
    name
}

fn draw(
    rng: &mut Rng,
    culture: &Culture,
    female: bool,
    native_allowed: bool,
    hint: NameHint,
) -> Name {
    let native = hint.native.unwrap_or_else(|| {
        native_allowed && culture.native_pct > 0 && rng.below(100) < culture.native_pct as usize
    });
    let given_list = if female { culture.female } else { culture.male };
    let (given, given_native) = match hint.given {
        Some(g) => (g, None),
        None => forms(pick(rng, given_list), female),
    };
    let (mut family, family_native) = match hint.family {
        Some(f) => (f.to_string(), None),
        None => {
            let (l, n) = forms(pick(rng, culture.family), female);
            (l.to_string(), n)
        }
    };
    if hint.family.is_none()
        && culture.double_pct > 0
        && rng.below(100) < culture.double_pct as usize
    {
        let (second, _) = forms(pick(rng, culture.family), female);
        if second != family {
            family = format!("{family} {second}");
        }
    }
    let display = match (native, given_native, family_native) {
        (true, Some(g), Some(f)) if culture.native_joined => format!("{f}{g}"),
        (true, Some(g), Some(f)) => format!("{g} {f}"),
        _ => match culture.order {
            Order::GivenFamily => format!("{given} {family}"),
            Order::FamilyGiven => format!("{family} {given}"),
        },
    };
    Name {
        display,
        given: given.to_string(),
        family,
        order: culture.order,
    }
}

/// Folded Latin letters: each string of accented letters maps to its ASCII spelling.
const FOLD: &[(&str, &str)] = &[
    ("àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "a"),
    ("æÆ", "ae"),
    ("çćčÇĆČ", "c"),
    ("ďđðĎĐÐ", "d"),
    ("èéêëēėęěəÈÉÊËĒĖĘĚƏ", "e"),
    ("ğģĞĢ", "g"),
    ("ìíîïĩīįıÌÍÎÏĨĪĮİ", "i"),
    ("ķĶ", "k"),
    ("łľĺļŁĽĹĻ", "l"),
    ("ñńňņÑŃŇŅ", "n"),
    ("òóôõöøōőơÒÓÔÕÖØŌŐƠ", "o"),
    ("œŒ", "oe"),
    ("řŕŘŔ", "r"),
    ("śšşșŚŠŞȘ", "s"),
    ("ß", "ss"),
    ("ťţțŤŢȚ", "t"),
    ("ùúûüũūůűųưÙÚÛÜŨŪŮŰŲƯ", "u"),
    ("ýÿÝŸ", "y"),
    ("žźżŽŹŻ", "z"),
    ("þÞ", "th"),
];

/// Appends the lower-case ASCII letters and digits of `s`, folding accents
/// and dropping everything else (spaces, hyphens, apostrophes, other scripts).
pub(crate) fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // Vietnamese letters with two diacritics (Latin Extended Additional).
        let vi = match c as u32 {
            0x1EA0..=0x1EB7 => Some('a'),
            0x1EB8..=0x1EC7 => Some('e'),
            0x1EC8..=0x1ECB => Some('i'),
            0x1ECC..=0x1EE3 => Some('o'),
            0x1EE4..=0x1EF1 => Some('u'),
            0x1EF2..=0x1EF9 => Some('y'),
            _ => None,
        };
        if let Some(v) = vi {
            out.push(v);
        } else if let Some((_, ascii)) = FOLD.iter().find(|(set, _)| set.contains(c)) {
            out.push_str(ascii);
        }
    }
}

/// The local part of an invented e-mail address (`jose.garcia`, `j.garcia`,
/// `garcia.jose`, `jose.garcia42`).
pub(crate) fn email_local(rng: &mut Rng, name: &Name) -> String {
    // Vietnamese given names read "Thị Lan": the last word is the one used.
    let given_word = match name.order {
        Order::FamilyGiven => name.given.split(' ').next_back(),
        Order::GivenFamily => name.given.split(' ').next(),
    }
    .unwrap_or(&name.given);
    // "Ó Briain", "van den Berg", "Dela Cruz" are one name; "García Núñez" gives "garcia".
    let family_word = match name.family.split_once(' ') {
        Some((first, _)) if first.chars().count() <= 4 => name.family.as_str(),
        Some((first, _)) => first,
        None => name.family.as_str(),
    };
    let mut given = String::new();
    fold_into(given_word, &mut given);
    let mut family = String::new();
    fold_into(family_word, &mut family);
    if given.is_empty() || family.is_empty() {
        return format!("candidate{}", rng.below(100_000));
    }
    let roll = rng.below(100);
    let initial = &given[..1];
    match roll {
        0..60 => format!("{given}.{family}"),
        60..72 => format!("{initial}.{family}"),
        72..80 => format!("{initial}{family}"),
        80..88 => format!("{family}.{given}"),
        _ => format!("{given}.{family}{}", 10 + rng.below(90)),
    }
}
