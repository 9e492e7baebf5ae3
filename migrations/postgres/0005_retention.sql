-- Same schema as migrations/sqlite/0005_retention.sql; see the comments there.
create table retention_counts (
    service text not null,
    kind text not null,
    month text not null,
    cases bigint not null,
    messages bigint not null,
    constraint retention_counts_key primary key (service, kind, month)
);

create table retention_pending (
    case_id text primary key references cases (id) on delete cascade
);
insert into retention_pending (case_id) select id from cases;

create table retention_rules (
    service text primary key,
    days bigint not null,
    closed_days bigint not null
);

create index cases_retain_until on cases (retain_until);
