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
-- in use is retired, never deleted: its counts keep their meaning. The
-- default list is written by the server when it finds the table empty
-- (`stats::categories::DEFAULTS`), not here: a database just migrated stays
-- empty, as `suoja import` needs it.
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
