//! The list a new installation starts with: contact reasons written for
//! suoja after the broad categories helplines report by, and four outcomes.
//! Written by the server when it finds no category at all (`store`), so a
//! freshly migrated database stays empty for `suoja import`; an
//! organisation edits, orders and retires them on the admin page.

use super::Kind;

/// (id, kind, names in fi, sv and en), in their order.
pub const DEFAULTS: [(&str, Kind, [&str; 3]); 18] = [
    (
        "mental_health",
        Kind::Reason,
        [
            "Mielenterveys ja jaksaminen",
            "Psykisk hälsa och ork",
            "Mental health and coping",
        ],
    ),
    (
        "family",
        Kind::Reason,
        [
            "Perhe ja ihmissuhteet",
            "Familj och relationer",
            "Family and relationships",
        ],
    ),
    (
        "violence",
        Kind::Reason,
        [
            "Väkivalta ja kaltoinkohtelu",
            "Våld och övergrepp",
            "Violence and abuse",
        ],
    ),
    (
        "sexual_violence",
        Kind::Reason,
        [
            "Seksuaalinen väkivalta tai sen uhka",
            "Sexuellt våld eller hot om det",
            "Sexual violence or the threat of it",
        ],
    ),
    (
        "sexuality_gender",
        Kind::Reason,
        [
            "Seksuaalisuus ja sukupuoli-identiteetti",
            "Sexualitet och könsidentitet",
            "Sexuality and gender identity",
        ],
    ),
    (
        "discrimination",
        Kind::Reason,
        [
            "Syrjintä ja häirintä",
            "Diskriminering och trakasserier",
            "Discrimination and harassment",
        ],
    ),
    (
        "substances",
        Kind::Reason,
        [
            "Päihteet ja riippuvuudet",
            "Rusmedel och beroenden",
            "Substance use and addictions",
        ],
    ),
    (
        "housing_money",
        Kind::Reason,
        [
            "Asuminen ja toimeentulo",
            "Boende och försörjning",
            "Housing and money",
        ],
    ),
    (
        "asylum_migration",
        Kind::Reason,
        [
            "Turvapaikka ja maahanmuutto",
            "Asyl och migration",
            "Asylum and migration",
        ],
    ),
    (
        "physical_health",
        Kind::Reason,
        ["Fyysinen terveys", "Fysisk hälsa", "Physical health"],
    ),
    (
        "school_work",
        Kind::Reason,
        [
            "Koulu, opiskelu ja työ",
            "Skola, studier och arbete",
            "School, studies and work",
        ],
    ),
    (
        "loneliness",
        Kind::Reason,
        ["Yksinäisyys", "Ensamhet", "Loneliness"],
    ),
    (
        "information",
        Kind::Reason,
        [
            "Tiedon tai avun etsiminen",
            "Söker information eller hjälp",
            "Looking for information or help",
        ],
    ),
    (
        "other",
        Kind::Reason,
        ["Jokin muu", "Något annat", "Something else"],
    ),
    (
        "answered",
        Kind::Outcome,
        ["Vastattu", "Besvarat", "Answered"],
    ),
    (
        "referred",
        Kind::Outcome,
        ["Ohjattu muualle", "Hänvisat vidare", "Referred elsewhere"],
    ),
    (
        "no_answer_needed",
        Kind::Outcome,
        [
            "Ei tarvinnut vastausta",
            "Behövde inget svar",
            "No answer needed",
        ],
    ),
    (
        "could_not_help",
        Kind::Outcome,
        [
            "Emme voineet auttaa",
            "Vi kunde inte hjälpa",
            "We could not help",
        ],
    ),
];
