-- Key epochs: each distinct set of staff recipients a service has sealed to.
-- Rotation (a later migration) reseals items from an old epoch to a new one.
create table key_epochs (
    id integer primary key autoincrement,
    service text not null,
    fingerprint text not null,
    recipients text not null,        -- public age recipients, one a line
    created_on text not null,        -- YYYY-MM-DD, UTC
    constraint key_epochs_unique unique (service, fingerprint)
);

-- A case: one contact request (later: a booking) and its thread. Plaintext
-- holds routing, ordering and expiry only; everything a client wrote is in
-- messages.sealed.
create table cases (
    seq integer primary key autoincrement,   -- ordering only
    id text not null unique,                  -- random, not time-ordered
    service text not null,
    kind text not null,
    status text not null,
    opened_on text not null,                  -- YYYY-MM-DD, UTC
    updated_on text not null,                 -- YYYY-MM-DD, UTC
    retain_until text not null,               -- YYYY-MM-DD, UTC
    lookup_hash blob not null,                -- SHA-256 of the receipt's look-up token
    client_recipient text not null,           -- the receipt-derived age recipient
    constraint cases_lookup_unique unique (lookup_hash)
);
create index cases_service_seq on cases (service, seq);

-- A sealed message in a case's thread.
create table messages (
    seq integer primary key autoincrement,
    id text not null unique,
    case_id text not null references cases (id) on delete cascade,
    author text not null,                     -- 'client' or 'staff'
    written_on text not null,                 -- YYYY-MM-DD, UTC
    key_epoch integer not null references key_epochs (id),
    sealed blob not null                      -- age file, padded plaintext
);
create index messages_case on messages (case_id, seq);
