-- Staff accounts. A counsellor's age identity is stored only wrapped with
-- age passphrase encryption (scrypt) under their password; the server can
-- unwrap it only while they log in.
create table staff (
    id text primary key,                      -- random
    username text not null,
    display_name text not null,
    email text,                               -- for activity notices only
    role text not null,                       -- 'counsellor' or 'admin'
    active integer not null default 1,
    password_hash text not null,              -- argon2id, PHC string
    must_change_password integer not null default 0,
    recipient text not null,                  -- public age recipient
    wrapped_identity blob not null,           -- age file, scrypt recipient
    totp_sealed blob,                         -- TOTP secret sealed to the pepper key; null: off
    totp_last_step integer not null default 0,-- refuses a code used twice
    created_on text not null,                 -- YYYY-MM-DD, UTC
    constraint staff_username_unique unique (username)
);

-- Which services' cases a person works (and whose keys seal them).
create table memberships (
    staff_id text not null references staff (id) on delete cascade,
    service text not null,
    primary key (staff_id, service)
);
create index memberships_service on memberships (service);

-- Server-side sessions. Only a hash of the cookie's token is stored; the
-- unlocked identity lives in the memory of the instance that logged in.
create table sessions (
    token_hash blob primary key,
    staff_id text not null references staff (id) on delete cascade,
    created_at integer not null,              -- unix seconds
    seen_at integer not null                  -- unix seconds
);
create index sessions_staff on sessions (staff_id);

-- What staff did, and when. Never client data: ids we minted only.
create table audit_log (
    seq integer primary key autoincrement,
    at integer not null,                      -- unix seconds
    staff_id text not null,
    action text not null,
    service text,
    case_id text
);
create index audit_log_staff on audit_log (staff_id, seq);

-- The counsellor side of a case: who works it and who has something unread.
alter table cases add column assignee text references staff (id) on delete set null;
alter table cases add column staff_unread integer not null default 1;
alter table cases add column client_unread integer not null default 0;
