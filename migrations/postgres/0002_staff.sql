-- Same schema as migrations/sqlite/0002_staff.sql; see the comments there.
create table staff (
    id text primary key,
    username text not null,
    display_name text not null,
    email text,
    role text not null,
    active integer not null default 1,
    password_hash text not null,
    must_change_password integer not null default 0,
    recipient text not null,
    wrapped_identity bytea not null,
    totp_sealed bytea,
    totp_last_step bigint not null default 0,
    created_on text not null,
    constraint staff_username_unique unique (username)
);

create table memberships (
    staff_id text not null references staff (id) on delete cascade,
    service text not null,
    primary key (staff_id, service)
);
create index memberships_service on memberships (service);

create table sessions (
    token_hash bytea primary key,
    staff_id text not null references staff (id) on delete cascade,
    created_at bigint not null,
    seen_at bigint not null
);
create index sessions_staff on sessions (staff_id);

create table audit_log (
    seq bigint generated always as identity primary key,
    at bigint not null,
    staff_id text not null,
    action text not null,
    service text,
    case_id text
);
create index audit_log_staff on audit_log (staff_id, seq);

alter table cases add column assignee text references staff (id) on delete set null;
alter table cases add column staff_unread integer not null default 1;
alter table cases add column client_unread integer not null default 0;
