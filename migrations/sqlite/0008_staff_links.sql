-- One-time links for staff: an invitation to make an account, or a password
-- reset started by an admin. Only a SHA-256 hash of the link's token (256
-- random bits) is stored, so the table alone opens no link. A link works
-- once, until expires_at; an admin may revoke it before.
create table staff_links (
    id text primary key,                      -- random, for the admin pages
    kind text not null,                       -- 'invite' or 'reset'
    token_hash blob not null,
    state text not null,                      -- 'pending', 'used', 'revoked'
    expires_at integer not null,              -- unix seconds
    created_by text not null,                 -- staff id, or 'cli'
    created_on text not null,                 -- YYYY-MM-DD, UTC
    -- An invitation: where it was sent, the role and services to be given.
    email text,
    role text,
    services text,                            -- slugs, comma-separated
    -- A reset: whose password it sets.
    staff_id text references staff (id) on delete cascade,
    constraint staff_links_token_unique unique (token_hash)
);
create index staff_links_pending on staff_links (kind, state);

-- Whom an admin's action was about (a staff id), for the people actions:
-- invitations accepted, roles, memberships, (de)activation, resets.
alter table audit_log add column subject text;
