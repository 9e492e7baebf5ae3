-- Statistics without surveillance (issue 20; docs/STATISTICS.md).
--
-- `stats_counts`: counters per service, month, metric and category, and
-- nothing else. A counter is added to when something happens (a contact, a
-- booking, a first reply, a case marked with its contact reasons), in a
-- transaction of its own, never the case's; no row names a case, a person
-- or a day. `month` is the UTC month of the event, `YYYY-MM`: nothing is
-- finer than that. `category` is a language code (fi, sv, en), the id of a
-- contact reason or an outcome (`stats_categories`), or `all`.
--
-- `without rowid`: rows are stored in the order of their key, so the table
-- keeps no trace of which counter was first used.
create table stats_counts (
    service text not null,
    month text not null,                      -- YYYY-MM, UTC
    metric text not null,
    category text not null,
    count integer not null,
    constraint stats_counts_key primary key (service, month, metric, category)
) without rowid;
-- The statistics page reads one year of every service.
create index stats_counts_month on stats_counts (month);

-- The contact reasons and outcomes a counsellor marks a case with: one list
-- for the organisation, edited by admins, in three languages. A category
-- in use is retired, never deleted: its counts keep their meaning.
create table stats_categories (
    id text not null primary key,             -- stable; counters and sealed marks name it
    kind text not null,                       -- 'reason' or 'outcome'
    position integer not null,                -- order on the forms and the page
    name_fi text not null,
    name_sv text not null,
    name_en text not null,
    retired integer not null default 0,
    constraint stats_categories_kind check (kind in ('reason', 'outcome'))
);

-- A default list: the broad reasons helplines report by, and four outcomes.
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
