//! UN Member States (from `sample-data/countries.csv`, status = member),
//! with their regional group, a sampling weight (larger research systems
//! apply more) and the naming culture of their nationals.

use super::names::Culture;
use super::names_latin::*;
use super::names_script::*;

/// UN regional groups, in the order used for quotas.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Region {
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmerican,
    Weog,
}

use Region::{
    African as AF, AsiaPacific as AP, EasternEuropean as EE, LatinAmerican as LA, Weog as WE,
};

impl Region {
    pub(crate) const ALL: [Region; 5] = [AF, AP, EE, LA, WE];

    /// Share of the pool, in percent.
    pub(crate) fn share(self) -> u32 {
        match self {
            AF => 18,
            AP => 30,
            EE => 12,
            LA => 14,
            WE => 26,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

pub(crate) struct Country {
    pub iso3: &'static str,
    /// English short name (used to invent institutions where none is listed).
    pub name: &'static str,
    pub region: Region,
    pub weight: u32,
    pub culture: &'static Culture,
}

const fn c(
    iso3: &'static str,
    name: &'static str,
    region: Region,
    weight: u32,
    culture: &'static Culture,
) -> Country {
    Country {
        iso3,
        name,
        region,
        weight,
        culture,
    }
}

/// Nationals of these countries rarely write their names in the culture's
/// native script on an English-language form.
pub(crate) const LATIN_ONLY: &[&str] = &[
    "PAK", "BGD", "LKA", "MDV", "BTN", "SGP", "LAO", "KHM", "MMR", "ERI", "CYP",
];

/// Countries whose nationals draw names from several cultures (weights in percent).
pub(crate) const MIXES: &[(&str, &[(&Culture, u32)])] = &[
    (
        "USA",
        &[
            (&EN, 62),
            (&ES, 10),
            (&ZH, 7),
            (&IN, 7),
            (&KO, 3),
            (&VI, 3),
            (&AFEN, 3),
            (&AR, 2),
            (&HE, 1),
            (&DE, 2),
        ],
    ),
    (
        "GBR",
        &[
            (&EN, 80),
            (&IN, 8),
            (&AFEN, 4),
            (&GA, 3),
            (&ZH, 3),
            (&AR, 2),
        ],
    ),
    ("CAN", &[(&EN, 60), (&FR, 20), (&ZH, 8), (&IN, 7), (&AR, 5)]),
    ("AUS", &[(&EN, 75), (&ZH, 10), (&IN, 6), (&VI, 4), (&GR, 5)]),
    ("NZL", &[(&EN, 80), (&PAC, 20)]),
    ("CHE", &[(&DE, 60), (&FR, 25), (&IT, 15)]),
    ("BEL", &[(&NL, 55), (&FR, 45)]),
    ("LUX", &[(&FR, 50), (&DE, 50)]),
    ("FRA", &[(&FR, 85), (&AR, 10), (&AFFR, 5)]),
    ("DEU", &[(&DE, 88), (&TR, 8), (&CYR, 4)]),
    ("NLD", &[(&NL, 90), (&TR, 5), (&AR, 5)]),
    ("SWE", &[(&NORDIC, 90), (&AR, 5), (&FA, 5)]),
    ("SGP", &[(&ZH, 70), (&ID, 15), (&IN, 15)]),
    ("MYS", &[(&ID, 65), (&ZH, 25), (&IN, 10)]),
    ("CYP", &[(&GR, 80), (&TR, 20)]),
    ("ISR", &[(&HE, 80), (&AR, 20)]),
    ("KAZ", &[(&CAS, 70), (&CYR, 30)]),
    ("FJI", &[(&PAC, 60), (&IN, 40)]),
    ("GUY", &[(&EN, 55), (&IN, 45)]),
    ("TTO", &[(&EN, 60), (&IN, 40)]),
    ("SUR", &[(&NL, 60), (&IN, 40)]),
    ("MUS", &[(&IN, 50), (&AFFR, 50)]),
    ("ZAF", &[(&AFEN, 80), (&EN, 15), (&IN, 5)]),
];

/// The twelve countries sometimes written as an English short name instead of a code.
pub(crate) const ENGLISH_NAMES: &[(&str, &str)] = &[
    ("VNM", "Viet Nam"),
    ("TUR", "Türkiye"),
    ("KEN", "Kenya"),
    ("BRA", "Brazil"),
    ("DEU", "Germany"),
    ("IND", "India"),
    ("JPN", "Japan"),
    ("CHL", "Chile"),
    ("GHA", "Ghana"),
    ("POL", "Poland"),
    ("CAN", "Canada"),
    ("IDN", "Indonesia"),
];

/// Non-member territories that turn up in a few applications:
/// (code, country whose institutions they use, naming culture).
pub(crate) const TERRITORIES: &[(&str, &str, &Culture)] = &[
    ("PRI", "USA", &ES),
    ("HKG", "CHN", &ZH),
    ("GRL", "DNK", &NORDIC),
];

/// The 193 Member States.
pub(crate) static COUNTRIES: &[Country] = &[
    c("AFG", "Afghanistan", AP, 1, &FA),
    c("AGO", "Angola", AF, 1, &PT),
    c("ALB", "Albania", EE, 1, &SL),
    c("AND", "Andorra", WE, 1, &ES),
    c("ARE", "United Arab Emirates", AP, 5, &AR),
    c("ARG", "Argentina", LA, 8, &ES),
    c("ARM", "Armenia", EE, 2, &CAUC),
    c("ATG", "Antigua and Barbuda", LA, 1, &EN),
    c("AUS", "Australia", WE, 8, &EN),
    c("AUT", "Austria", WE, 3, &DE),
    c("AZE", "Azerbaijan", EE, 2, &TR),
    c("BDI", "Burundi", AF, 1, &AFFR),
    c("BEL", "Belgium", WE, 4, &FR),
    c("BEN", "Benin", AF, 2, &AFFR),
    c("BFA", "Burkina Faso", AF, 1, &AFFR),
    c("BGD", "Bangladesh", AP, 4, &IN),
    c("BGR", "Bulgaria", EE, 3, &CYR),
    c("BHR", "Bahrain", AP, 1, &AR),
    c("BHS", "Bahamas", LA, 1, &EN),
    c("BIH", "Bosnia and Herzegovina", EE, 1, &SL),
    c("BLR", "Belarus", EE, 1, &CYR),
    c("BLZ", "Belize", LA, 1, &EN),
    c("BOL", "Bolivia", LA, 2, &ES),
    c("BRA", "Brazil", LA, 14, &PT),
    c("BRB", "Barbados", LA, 1, &EN),
    c("BRN", "Brunei", AP, 1, &ID),
    c("BTN", "Bhutan", AP, 1, &IN),
    c("BWA", "Botswana", AF, 2, &AFEN),
    c("CAF", "Central African Republic", AF, 1, &AFFR),
    c("CAN", "Canada", WE, 14, &EN),
    c("CHE", "Switzerland", WE, 8, &DE),
    c("CHL", "Chile", LA, 6, &ES),
    c("CHN", "China", AP, 40, &ZH),
    c("CIV", "Côte d'Ivoire", AF, 2, &AFFR),
    c("CMR", "Cameroon", AF, 3, &AFFR),
    c("COD", "Democratic Republic of the Congo", AF, 1, &AFFR),
    c("COG", "Congo", AF, 1, &AFFR),
    c("COL", "Colombia", LA, 6, &ES),
    c("COM", "Comoros", AF, 1, &AR),
    c("CPV", "Cabo Verde", AF, 1, &PT),
    c("CRI", "Costa Rica", LA, 2, &ES),
    c("CUB", "Cuba", LA, 2, &ES),
    c("CYP", "Cyprus", AP, 2, &GR),
    c("CZE", "Czechia", EE, 5, &SL),
    c("DEU", "Germany", WE, 16, &DE),
    c("DJI", "Djibouti", AF, 1, &AR),
    c("DMA", "Dominica", LA, 1, &EN),
    c("DNK", "Denmark", WE, 3, &NORDIC),
    c("DOM", "Dominican Republic", LA, 2, &ES),
    c("DZA", "Algeria", AF, 3, &AR),
    c("ECU", "Ecuador", LA, 2, &ES),
    c("EGY", "Egypt", AF, 8, &AR),
    c("ERI", "Eritrea", AF, 1, &ET),
    c("ESP", "Spain", WE, 8, &ES),
    c("EST", "Estonia", EE, 3, &BALTIC),
    c("ETH", "Ethiopia", AF, 5, &ET),
    c("FIN", "Finland", WE, 3, &NORDIC),
    c("FJI", "Fiji", AP, 1, &PAC),
    c("FRA", "France", WE, 15, &FR),
    c("FSM", "Micronesia", AP, 1, &PAC),
    c("GAB", "Gabon", AF, 1, &AFFR),
    c("GBR", "United Kingdom", WE, 22, &EN),
    c("GEO", "Georgia", EE, 2, &CAUC),
    c("GHA", "Ghana", AF, 6, &AFEN),
    c("GIN", "Guinea", AF, 1, &AFFR),
    c("GMB", "Gambia", AF, 1, &AFEN),
    c("GNB", "Guinea-Bissau", AF, 1, &PT),
    c("GNQ", "Equatorial Guinea", AF, 1, &ES),
    c("GRC", "Greece", WE, 3, &GR),
    c("GRD", "Grenada", LA, 1, &EN),
    c("GTM", "Guatemala", LA, 2, &ES),
    c("GUY", "Guyana", LA, 1, &EN),
    c("HND", "Honduras", LA, 1, &ES),
    c("HRV", "Croatia", EE, 2, &SL),
    c("HTI", "Haiti", LA, 1, &FR),
    c("HUN", "Hungary", EE, 4, &HU),
    c("IDN", "Indonesia", AP, 6, &ID),
    c("IND", "India", AP, 40, &IN),
    c("IRL", "Ireland", WE, 3, &GA),
    c("IRN", "Iran", AP, 6, &FA),
    c("IRQ", "Iraq", AP, 2, &AR),
    c("ISL", "Iceland", WE, 1, &NORDIC),
    c("ISR", "Israel", WE, 5, &HE),
    c("ITA", "Italy", WE, 8, &IT),
    c("JAM", "Jamaica", LA, 2, &EN),
    c("JOR", "Jordan", AP, 2, &AR),
    c("JPN", "Japan", AP, 18, &JA),
    c("KAZ", "Kazakhstan", AP, 3, &CAS),
    c("KEN", "Kenya", AF, 8, &AFEN),
    c("KGZ", "Kyrgyzstan", AP, 1, &CAS),
    c("KHM", "Cambodia", AP, 1, &TH),
    c("KIR", "Kiribati", AP, 1, &PAC),
    c("KNA", "Saint Kitts and Nevis", LA, 1, &EN),
    c("KOR", "Korea", AP, 15, &KO),
    c("KWT", "Kuwait", AP, 1, &AR),
    c("LAO", "Lao PDR", AP, 1, &TH),
    c("LBN", "Lebanon", AP, 3, &AR),
    c("LBR", "Liberia", AF, 1, &AFEN),
    c("LBY", "Libya", AF, 1, &AR),
    c("LCA", "Saint Lucia", LA, 1, &EN),
    c("LIE", "Liechtenstein", WE, 1, &DE),
    c("LKA", "Sri Lanka", AP, 2, &IN),
    c("LSO", "Lesotho", AF, 1, &AFEN),
    c("LTU", "Lithuania", EE, 2, &BALTIC),
    c("LUX", "Luxembourg", WE, 1, &FR),
    c("LVA", "Latvia", EE, 2, &BALTIC),
    c("MAR", "Morocco", AF, 4, &AR),
    c("MCO", "Monaco", WE, 1, &FR),
    c("MDA", "Moldova", EE, 1, &RO),
    c("MDG", "Madagascar", AF, 1, &AFFR),
    c("MDV", "Maldives", AP, 1, &IN),
    c("MEX", "Mexico", LA, 10, &ES),
    c("MHL", "Marshall Islands", AP, 1, &PAC),
    c("MKD", "North Macedonia", EE, 1, &SL),
    c("MLI", "Mali", AF, 1, &AFFR),
    c("MLT", "Malta", WE, 1, &IT),
    c("MMR", "Myanmar", AP, 1, &TH),
    c("MNE", "Montenegro", EE, 1, &SL),
    c("MNG", "Mongolia", AP, 1, &CAS),
    c("MOZ", "Mozambique", AF, 1, &PT),
    c("MRT", "Mauritania", AF, 1, &AR),
    c("MUS", "Mauritius", AF, 2, &AFFR),
    c("MWI", "Malawi", AF, 2, &AFEN),
    c("MYS", "Malaysia", AP, 4, &ID),
    c("NAM", "Namibia", AF, 2, &AFEN),
    c("NER", "Niger", AF, 1, &AFFR),
    c("NGA", "Nigeria", AF, 10, &AFEN),
    c("NIC", "Nicaragua", LA, 1, &ES),
    c("NLD", "Netherlands", WE, 8, &NL),
    c("NOR", "Norway", WE, 3, &NORDIC),
    c("NPL", "Nepal", AP, 2, &IN),
    c("NRU", "Nauru", AP, 1, &PAC),
    c("NZL", "New Zealand", WE, 3, &EN),
    c("OMN", "Oman", AP, 1, &AR),
    c("PAK", "Pakistan", AP, 6, &IN),
    c("PAN", "Panama", LA, 2, &ES),
    c("PER", "Peru", LA, 3, &ES),
    c("PHL", "Philippines", AP, 4, &PH),
    c("PLW", "Palau", AP, 1, &PAC),
    c("PNG", "Papua New Guinea", AP, 1, &PAC),
    c("POL", "Poland", EE, 8, &SL),
    c("PRK", "DPR Korea", AP, 1, &KO),
    c("PRT", "Portugal", WE, 3, &PT),
    c("PRY", "Paraguay", LA, 1, &ES),
    c("QAT", "Qatar", AP, 3, &AR),
    c("ROU", "Romania", EE, 4, &RO),
    c("RUS", "Russia", EE, 8, &CYR),
    c("RWA", "Rwanda", AF, 4, &AFFR),
    c("SAU", "Saudi Arabia", AP, 5, &AR),
    c("SDN", "Sudan", AF, 2, &AR),
    c("SEN", "Senegal", AF, 3, &AFFR),
    c("SGP", "Singapore", AP, 7, &ZH),
    c("SLB", "Solomon Islands", AP, 1, &PAC),
    c("SLE", "Sierra Leone", AF, 1, &AFEN),
    c("SLV", "El Salvador", LA, 1, &ES),
    c("SMR", "San Marino", WE, 1, &IT),
    c("SOM", "Somalia", AF, 1, &AR),
    c("SRB", "Serbia", EE, 3, &SL),
    c("SSD", "South Sudan", AF, 1, &AFEN),
    c("STP", "Sao Tome and Principe", AF, 1, &PT),
    c("SUR", "Suriname", LA, 1, &NL),
    c("SVK", "Slovakia", EE, 2, &SL),
    c("SVN", "Slovenia", EE, 2, &SL),
    c("SWE", "Sweden", WE, 4, &NORDIC),
    c("SWZ", "Eswatini", AF, 1, &AFEN),
    c("SYC", "Seychelles", AF, 1, &AFFR),
    c("SYR", "Syria", AP, 1, &AR),
    c("TCD", "Chad", AF, 1, &AFFR),
    c("TGO", "Togo", AF, 1, &AFFR),
    c("THA", "Thailand", AP, 4, &TH),
    c("TJK", "Tajikistan", AP, 1, &FA),
    c("TKM", "Turkmenistan", AP, 1, &CAS),
    c("TLS", "Timor-Leste", AP, 1, &PT),
    c("TON", "Tonga", AP, 1, &PAC),
    c("TTO", "Trinidad and Tobago", LA, 2, &EN),
    c("TUN", "Tunisia", AF, 4, &AR),
    c("TUR", "Türkiye", WE, 4, &TR),
    c("TUV", "Tuvalu", AP, 1, &PAC),
    c("TZA", "Tanzania", AF, 3, &AFEN),
    c("UGA", "Uganda", AF, 4, &AFEN),
    c("UKR", "Ukraine", EE, 6, &CYR),
    c("URY", "Uruguay", LA, 3, &ES),
    c("USA", "United States", WE, 40, &EN),
    c("UZB", "Uzbekistan", AP, 2, &CAS),
    c("VCT", "Saint Vincent and the Grenadines", LA, 1, &EN),
    c("VEN", "Venezuela", LA, 2, &ES),
    c("VNM", "Viet Nam", AP, 6, &VI),
    c("VUT", "Vanuatu", AP, 1, &PAC),
    c("WSM", "Samoa", AP, 1, &PAC),
    c("YEM", "Yemen", AP, 1, &AR),
    c("ZAF", "South Africa", AF, 10, &AFEN),
    c("ZMB", "Zambia", AF, 2, &AFEN),
    c("ZWE", "Zimbabwe", AF, 2, &AFEN),
];

/// Index of a Member State in `COUNTRIES`.
pub(crate) fn index_of(iso3: &str) -> Option<usize> {
    COUNTRIES.iter().position(|c| c.iso3 == iso3)
}
