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
