-- Same schema as migrations/sqlite/0008_staff_links.sql; see the comments there.
create table staff_links (
    id text primary key,
    kind text not null,
    token_hash bytea not null,
    state text not null,
    expires_at bigint not null,
    created_by text not null,
    created_on text not null,
    email text,
    role text,
    services text,
    staff_id text references staff (id) on delete cascade,
    constraint staff_links_token_unique unique (token_hash)
);
create index staff_links_pending on staff_links (kind, state);

-- Whom an admin's action was about (a staff id), for the people actions:
-- invitations accepted, roles, memberships, (de)activation, resets.
alter table audit_log add column subject text;
