-- No insertion order in the clear (security finding: ordering a stolen
-- database's booking cases by `cases.seq` matched seats to cases). Cases,
-- messages, the audit log and the retention backlog lose their global
-- sequence numbers, and become `without rowid` tables clustered by their
-- random ids: SQLite keeps no rowid that counts inserts either.
--
-- - `cases`: the queue pages by (opened day, random id) and sorts each page
--   by the sealed time once opened.
-- - `messages`: `n` is a message's place in its own thread (0 is the first
--   message); an order within one case is not an order across cases.
-- - `audit_log`: a random id; entries are ordered by `at` (staff acts to the
--   second, client acts to the day).
-- - `rotation_jobs.after_seq` becomes `after_id`: the cursor is the random
--   id of the last message handled. A job still running when this runs
--   starts its walk again; what it resealed is already in its target epoch
--   and is not seen again.
--
-- Rows are copied in the order of their new keys, so the pages they fill
-- keep no trace of the old order. SQLite's allocation of pages as a table
-- grows remains (SECURITY.md).
--
-- The tables that refer to `cases` are rebuilt with it: the old children
-- are dropped before the old `cases`, so dropping it cascades nowhere.

create table cases_new (
    id text not null primary key,             -- random, not time-ordered
    service text not null,
    kind text not null,
    status text not null,
    opened_on text not null,                  -- YYYY-MM-DD, UTC
    updated_on text not null,                 -- YYYY-MM-DD, UTC
    retain_until text not null,               -- YYYY-MM-DD, UTC
    lookup_hash blob not null,                -- SHA-256 of the receipt's look-up token
    client_recipient text not null,           -- the receipt-derived age recipient
    assignee text references staff (id) on delete set null,
    staff_unread integer not null default 1,
    client_unread integer not null default 0,
    constraint cases_lookup_unique unique (lookup_hash)
) without rowid;
insert into cases_new (id, service, kind, status, opened_on, updated_on, retain_until,
                       lookup_hash, client_recipient, assignee, staff_unread, client_unread)
    select id, service, kind, status, opened_on, updated_on, retain_until,
           lookup_hash, client_recipient, assignee, staff_unread, client_unread
    from cases order by id;

create table messages_new (
    id text not null primary key,             -- random
    case_id text not null references cases_new (id) on delete cascade,
    n integer not null,                       -- place in its own thread, from 0
    author text not null,                     -- 'client', 'staff' or 'note'
    written_on text not null,                 -- YYYY-MM-DD, UTC
    key_epoch integer not null references key_epochs (id),
    sealed blob not null,                     -- age file, padded plaintext
    constraint messages_place unique (case_id, n)
) without rowid;
insert into messages_new (id, case_id, n, author, written_on, key_epoch, sealed)
    select id, case_id,
           row_number() over (partition by case_id order by seq) - 1,
           author, written_on, key_epoch, sealed
    from messages order by id;

create table seat_carryover_new (
    seat_id text not null primary key references seats (id) on delete cascade,
    case_id text not null references cases_new (id) on delete cascade
) without rowid;
insert into seat_carryover_new (seat_id, case_id)
    select seat_id, case_id from seat_carryover order by seat_id;

create table retention_pending_new (
    case_id text not null primary key references cases_new (id) on delete cascade
) without rowid;
insert into retention_pending_new (case_id)
    select case_id from retention_pending order by case_id;

drop table messages;
drop table seat_carryover;
drop table retention_pending;
drop table cases;
alter table cases_new rename to cases;
alter table messages_new rename to messages;
alter table seat_carryover_new rename to seat_carryover;
alter table retention_pending_new rename to retention_pending;

-- The queue's three orders: all, by status, by deletion day.
create index cases_queue on cases (service, opened_on, id);
create index cases_queue_status on cases (service, status, opened_on, id);
create index cases_queue_deleted on cases (service, retain_until, id);
create index cases_retain_until on cases (retain_until);
-- Rotation walks a key epoch's messages by id.
create index messages_epoch on messages (key_epoch, id);

create table audit_log_new (
    id text not null primary key,             -- random
    at integer not null,                      -- unix seconds (a client's act: its day's first)
    staff_id text not null,
    action text not null,
    service text,
    case_id text,
    subject text
) without rowid;
insert into audit_log_new (id, at, staff_id, action, service, case_id, subject)
    select id, at, staff_id, action, service, case_id, subject
    from (select lower(hex(randomblob(16))) as id, * from audit_log)
    order by id;
drop table audit_log;
alter table audit_log_new rename to audit_log;
create index audit_log_at on audit_log (at, id);
create index audit_log_staff on audit_log (staff_id, at, id);

alter table rotation_jobs add column after_id text not null default '';
alter table rotation_jobs drop column after_seq;
