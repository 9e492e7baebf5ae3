-- Same schema as migrations/sqlite/0001_cases.sql; see the comments there.
create table key_epochs (
    id bigint generated always as identity primary key,
    service text not null,
    fingerprint text not null,
    recipients text not null,
    created_on text not null,
    constraint key_epochs_unique unique (service, fingerprint)
);

create table cases (
    seq bigint generated always as identity primary key,
    id text not null unique,
    service text not null,
    kind text not null,
    status text not null,
    opened_on text not null,
    updated_on text not null,
    retain_until text not null,
    lookup_hash bytea not null,
    client_recipient text not null,
    constraint cases_lookup_unique unique (lookup_hash)
);
create index cases_service_seq on cases (service, seq);

create table messages (
    seq bigint generated always as identity primary key,
    id text not null unique,
    case_id text not null references cases (id) on delete cascade,
    author text not null,
    written_on text not null,
    key_epoch bigint not null references key_epochs (id),
    sealed bytea not null
);
create index messages_case on messages (case_id, seq);
