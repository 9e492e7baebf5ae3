-- Same schema as migrations/sqlite/0013_chat.sql; see the comments there.

create table chat_settings (
    service text not null primary key,
    hours text not null default '',
    queue_max integer not null default 50,
    keep_transcript integer not null default 1,
    typical_wait integer
);

create table chats (
    id text not null primary key,
    case_id text not null references cases (id) on delete cascade,
    service text not null,
    token_hash bytea not null,
    sealed_key bytea not null,
    state text not null,
    place integer,
    counsellor text,
    sign integer not null default 0,
    gone integer not null default 0,
    ended_by text,
    ended_on text,
    constraint chats_state check (state in ('waiting', 'active', 'ended'))
);
create unique index chats_token on chats (token_hash);
create index chats_waiting on chats (service, state, place);
create index chats_counsellor on chats (counsellor, state);
create index chats_case on chats (case_id);

create table chat_duty (
    staff_id text not null references staff (id) on delete cascade,
    service text not null,
    capacity integer not null,
    primary key (staff_id, service)
);
