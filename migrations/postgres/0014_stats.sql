-- Same schema as migrations/sqlite/0014_stats.sql; see the comments there.
create table stats_counts (
    service text not null,
    month text not null,
    metric text not null,
    category text not null,
    count bigint not null,
    constraint stats_counts_key primary key (service, month, metric, category)
);
create index stats_counts_month on stats_counts (month);

create table stats_categories (
    id text not null primary key,
    kind text not null,
    position integer not null,
    name_fi text not null,
    name_sv text not null,
    name_en text not null,
    retired integer not null default 0,
    constraint stats_categories_kind check (kind in ('reason', 'outcome'))
);

insert into stats_categories (id, kind, position, name_fi, name_sv, name_en) values
    ('mental_health', 'reason', 10, 'Mielenterveys ja jaksaminen', 'Psykisk hälsa och ork', 'Mental health and coping'),
    ('family', 'reason', 20, 'Perhe ja ihmissuhteet', 'Familj och relationer', 'Family and relationships'),
    ('violence', 'reason', 30, 'Väkivalta ja kaltoinkohtelu', 'Våld och övergrepp', 'Violence and abuse'),
    ('sexual_violence', 'reason', 40, 'Seksuaalinen väkivalta tai sen uhka', 'Sexuellt våld eller hot om det', 'Sexual violence or the threat of it'),
    ('sexuality_gender', 'reason', 50, 'Seksuaalisuus ja sukupuoli-identiteetti', 'Sexualitet och könsidentitet', 'Sexuality and gender identity'),
    ('discrimination', 'reason', 60, 'Syrjintä ja häirintä', 'Diskriminering och trakasserier', 'Discrimination and harassment'),
    ('substances', 'reason', 70, 'Päihteet ja riippuvuudet', 'Rusmedel och beroenden', 'Substance use and addictions'),
    ('housing_money', 'reason', 80, 'Asuminen ja toimeentulo', 'Boende och försörjning', 'Housing and money'),
    ('asylum_migration', 'reason', 90, 'Turvapaikka ja maahanmuutto', 'Asyl och migration', 'Asylum and migration'),
    ('physical_health', 'reason', 100, 'Fyysinen terveys', 'Fysisk hälsa', 'Physical health'),
    ('school_work', 'reason', 110, 'Koulu, opiskelu ja työ', 'Skola, studier och arbete', 'School, studies and work'),
    ('loneliness', 'reason', 120, 'Yksinäisyys', 'Ensamhet', 'Loneliness'),
    ('information', 'reason', 130, 'Tiedon tai avun etsiminen', 'Söker information eller hjälp', 'Looking for information or help'),
    ('other', 'reason', 140, 'Jokin muu', 'Något annat', 'Something else'),
    ('answered', 'outcome', 10, 'Vastattu', 'Besvarat', 'Answered'),
    ('referred', 'outcome', 20, 'Ohjattu muualle', 'Hänvisat vidare', 'Referred elsewhere'),
    ('no_answer_needed', 'outcome', 30, 'Ei tarvinnut vastausta', 'Behövde inget svar', 'No answer needed'),
    ('could_not_help', 'outcome', 40, 'Emme voineet auttaa', 'Vi kunde inte hjälpa', 'We could not help');
