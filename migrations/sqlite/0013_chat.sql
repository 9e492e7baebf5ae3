-- Live chat (docs/CHAT.md). The conversation itself is the chat case's
-- thread in `messages`, sealed as replies are; these tables hold only what
-- routing a live chat needs, and a `chats` row lives only while its chat
-- does (waiting, active, then ended until the client has seen it, a day at
-- most). Nothing here holds a time of day.

-- A service's chat: weekly opening hours in its own time zone, how many
-- may wait, and whether the transcript is kept when the chat ends.
create table chat_settings (
    service text not null primary key,
    hours text not null default '',           -- 'weekday from until;…', ISO weekday 1-7, HH:MM
    queue_max integer not null default 50,
    keep_transcript integer not null default 1,
    typical_wait integer                      -- minutes, a moving average of recent waits
);

create table chats (
    id text not null primary key,             -- random
    case_id text not null references cases (id) on delete cascade,
    service text not null,
    token_hash blob not null,                 -- finds the row from the client's chat cookie
    sealed_key blob not null,                 -- the client's key, sealed under the cookie's token
    state text not null,                      -- 'waiting', 'active', 'ended'
    place integer,                            -- order among the service's waiting chats; null once taken
    counsellor text,                          -- staff id while active
    sign integer not null default 0,          -- counts the client's signs of life (no time)
    gone integer not null default 0,          -- 1: no sign of the client for a while
    ended_by text,                            -- 'client', 'counsellor', 'gone', 'written'
    ended_on text,                            -- day
    constraint chats_state check (state in ('waiting', 'active', 'ended'))
) without rowid;
create unique index chats_token on chats (token_hash);
create index chats_waiting on chats (service, state, place);
create index chats_counsellor on chats (counsellor, state);
create index chats_case on chats (case_id);

-- Who is on chat duty for which service, and how many chats they take.
create table chat_duty (
    staff_id text not null references staff (id) on delete cascade,
    service text not null,
    capacity integer not null,
    primary key (staff_id, service)
) without rowid;
