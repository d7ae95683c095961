//! Fields of expertise and the free-text columns: conflict of interest,
//! other impact and motivation.

use super::Rng;

/// A field of expertise of the application form.
pub(crate) struct Field {
    pub label: &'static str,
    /// Listed under "Related fields" rather than "AI fields".
    pub related: bool,
    pub weight: u32,
}

const fn f(label: &'static str, related: bool, weight: u32) -> Field {
    Field {
        label,
        related,
        weight,
    }
}

/// The 18 fields: 12 AI fields then 6 related fields.
pub(crate) const FIELDS: [Field; 18] = [
    f("Foundation models & generative AI", false, 10),
    f("Model architectures & optimization", false, 6),
    f("Machine learning methods", false, 10),
    f("Core AI subfields", false, 5),
    f("Reliability, safety & alignment", false, 8),
    f("Cognitive & neuroscience links", false, 3),
    f("Applied AI: science", false, 6),
    f("Applied AI: engineering, industry & mobility", false, 5),
    f("Applied AI: digital society", false, 5),
    f("Human interaction", false, 4),
    f("AI security and infrastructure", false, 4),
    f("Other", false, 2),
    f("AI opportunity, risk and impact assessment", true, 5),
    f(
        "AI impacts on society, technology, economy, and environment",
        true,
        7,
    ),
    f("AI security and infrastructure", true, 3),
    f("Data, ethics, and rights", true, 7),
    f("Governance", true, 9),
    f("Other", true, 2),
];

/// Labels that exist in both groups: their related version always carries the prefix.
fn ambiguous(label: &str) -> bool {
    label == "AI security and infrastructure" || label == "Other"
}

/// Draws 1–4 distinct fields (indices into `FIELDS`).
pub(crate) fn pick_fields(rng: &mut Rng) -> Vec<usize> {
    let n = match rng.below(100) {
        0..25 => 1,
        25..60 => 2,
        60..88 => 3,
        _ => 4,
    };
    let mut chosen: Vec<usize> = Vec::with_capacity(n);
    while chosen.len() < n {
        let total: u32 = FIELDS
            .iter()
            .enumerate()
            .filter(|(k, _)| !chosen.contains(k))
            .map(|(_, fd)| fd.weight)
            .sum();
        let mut x = rng.below(total as usize) as u32;
        for (k, fd) in FIELDS.iter().enumerate() {
            if chosen.contains(&k) {
                continue;
            }
            if x < fd.weight {
                chosen.push(k);
                break;
            }
            x -= fd.weight;
        }
    }
    chosen
}

/// Writes the `fields` cell: `;`-separated, each label optionally prefixed.
pub(crate) fn write_fields(rng: &mut Rng, fields: &[usize], out: &mut String) {
    let prefixed = rng.below(100) < 30;
    for (n, &k) in fields.iter().enumerate() {
        if n > 0 {
            out.push(';');
        }
        let fd = &FIELDS[k];
        if fd.related && (prefixed || ambiguous(fd.label)) {
            out.push_str("Related: ");
        } else if prefixed {
            out.push_str("AI: ");
        }
        out.push_str(fd.label);
    }
}

pub(crate) const CONFLICTS: &[&str] = &[
    "Advisory board member of a foundation-model company",
    "Holds equity in an AI start-up (under 5%)",
    "Research funding from a cloud provider, 2023–2025",
    "Paid consultant to a national telecom regulator",
    "Co-founder of a computer-vision start-up, now a passive shareholder",
    "Spouse employed by a large technology company",
    "Receives royalties on a speech-recognition patent",
    "Former employee of a social-media platform (left in 2024)",
    "Serves on the ethics board of a defence contractor",
    "Grant from a philanthropic foundation funding AI safety research",
    "Compute credits donated by a chip manufacturer, 2024",
    "Board member, national AI association (unpaid)",
    "Part-time scientific adviser to an autonomous-driving company",
    "Shares in listed technology companies, held in a blind trust",
    "Member of a government AI advisory council",
    "Consulting for a bank on credit-scoring models, 2022–2024",
    "Named inventor on a patent for \"privacy-preserving\" federated learning",
    "Adviser to a start-up, paid in stock options",
    "Visiting researcher at a private AI laboratory (ended June 2025)",
    "None, apart from standard university consulting",
];

const IMPACTS: &[&str] = &[
    "Drafted the national AI strategy",
    "Maintainer of a widely used open-source machine-learning library",
    "Testified before parliament on AI regulation",
    "Co-founded a regional community for natural-language processing",
    "Led a public-sector deployment of AI for health screening",
    "Chaired a standards working group on AI risk management",
    "Built open speech datasets for low-resource languages",
    "Mentored over 200 students through a summer school",
    "Author of a popular science book on machine learning",
    "Advised a central bank on algorithmic credit scoring",
    "Organised a hackathon series on climate and AI",
    "Contributed to an international scientific report on advanced AI",
    "Founded a non-profit teaching data literacy in secondary schools",
    "Ran crisis-mapping projects after floods, earthquakes and cyclones",
    "Developed an early-warning system for crop disease",
    "Member of a national bioethics committee",
    "Expert witness in a landmark data-protection case",
    "Designed AI curricula for three universities",
    "Published independent audits of facial-recognition systems",
    "Coordinated a multilingual benchmark covering 40 languages",
    "Technical lead of an open weather-forecasting model",
    "Wrote guidance on AI in public procurement",
    "Served on programme committees of major AI conferences",
    "Set up a national AI research network, linking 12 universities",
    "Investigated disinformation campaigns during elections",
];

/// One or two impact statements joined by `; `.
pub(crate) fn other_impact(rng: &mut Rng) -> String {
    let first = IMPACTS[rng.below(IMPACTS.len())];
    if rng.below(100) < 35 {
        let second = IMPACTS[rng.below(IMPACTS.len())];
        if second != first {
            return format!("{first}; {second}");
        }
    }
    first.to_string()
}

const TOPICS: &[&str] = &[
    "low-resource language technology",
    "AI safety evaluation",
    "machine learning for health",
    "AI and labour markets",
    "the governance of frontier models",
    "privacy-preserving machine learning",
    "AI for climate adaptation",
    "computer vision for agriculture",
    "robustness of deep networks",
    "algorithmic fairness",
    "AI in education",
    "the security of AI systems",
    "computational neuroscience",
    "human-AI interaction",
    "AI in public services",
];

const PLACES: &[&str] = &[
    "small island developing States",
    "the Global South",
    "my region",
    "Francophone Africa",
    "Central Asia",
    "the Pacific",
    "Latin America",
    "South-East Asia",
    "landlocked developing countries",
    "Eastern Europe",
];

/// Sentences about the applicant: `{t}` topic, `{p}` place, `{y}` years.
const ABOUT_ME: &[&str] = &[
    "I have spent {y} years working on {t}.",
    "My work on {t} has shown me how quickly the evidence base is moving.",
    "As a researcher in {t}, I see the Panel as a rare bridge between science and policy.",
    "I lead a team working on {t} for {p}.",
    "For {y} years I have advised governments on {t}.",
    "I bring practical experience of {t}, from the lab to deployment.",
    "My research on {t} is used by ministries in {p}.",
];

/// Sentences about the Panel.
const ABOUT_PANEL: &[&str] = &[
    "The Panel should give every country, large or small, the same access to rigorous evidence.",
    "I want to help the Panel stay \"scientific first\" and independent of any single interest.",
    "Balanced, evidence-based assessment is what the moment demands.",
    "I would bring the perspective of {p} to the Panel's work.",
    "Independent science must inform the Global Dialogue on AI Governance.",
    "I hope to make the Panel's reports useful to developing countries.",
    "As my students often say, \"the data will tell, if we let it\".",
    "I am committed to rigour, transparency and open methods.",
];

const CLOSER: &str = "Thank you for considering my application.";

/// A random sentence of `templates` with its blanks filled.
fn fill(rng: &mut Rng, templates: &[&str]) -> String {
    templates[rng.below(templates.len())]
        .replace("{t}", TOPICS[rng.below(TOPICS.len())])
        .replace("{p}", PLACES[rng.below(PLACES.len())])
        .replace("{y}", &(8 + rng.below(23)).to_string())
}

/// One or two sentences, 60–200 characters; with `newline` the two
/// sentences are separated by a line break inside the cell.
pub(crate) fn motivation(rng: &mut Rng, newline: bool) -> String {
    let sep = if newline { "\n" } else { " " };
    for _ in 0..6 {
        let me = fill(rng, ABOUT_ME);
        let panel = fill(rng, ABOUT_PANEL);
        let (first, second) = if rng.below(100) < 60 {
            (me, panel)
        } else {
            (panel, me)
        };
        let two = newline || rng.below(100) < 70;
        let text = if two {
            format!("{first}{sep}{second}")
        } else {
            first
        };
        let len = text.chars().count();
        if len > 200 {
            continue;
        }
        if len < 60 {
            return format!("{text}{sep}{CLOSER}");
        }
        return text;
    }
    format!(
        "I would bring {} to the Panel.{sep}{CLOSER}",
        TOPICS[rng.below(TOPICS.len())]
    )
}
