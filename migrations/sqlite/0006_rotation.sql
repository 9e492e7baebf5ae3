-- Rotation jobs: each reseals the items of one service that are not in its
-- target key epoch, one item per transaction, in batches. The cursor, the
-- counts and each item's new ciphertext commit together, so a job killed at
-- any moment resumes where it stopped and counts nothing twice.
create table rotation_jobs (
    seq integer primary key autoincrement,    -- ordering only
    id text not null unique,                  -- random
    kind text not null,                       -- 'reseal' (command line), 'own_key', 'membership'
    service text not null,
    target_epoch integer not null references key_epochs (id),
    state text not null,                      -- 'running', 'done', 'incomplete', 'failed', 'superseded'
    started_by text not null,                 -- staff id, or 'cli'
    total integer not null,                   -- items outside the target epoch at the start
    done integer not null default 0,          -- resealed
    unreadable integer not null default 0,    -- the key in hand could not open them
    skipped integer not null default 0,       -- changed or deleted meanwhile
    after_seq integer not null default 0,     -- the cursor: messages.seq of the last item handled
    checked integer not null default 0,       -- final check: items that passed
    check_failed integer not null default 0,  -- final check: items that did not
    created_on text not null,                 -- YYYY-MM-DD, UTC
    updated_on text not null                  -- YYYY-MM-DD, UTC
);
create index rotation_jobs_service on rotation_jobs (service, state);
-- At most one running job per service.
create unique index rotation_jobs_one_running on rotation_jobs (service) where state = 'running';
