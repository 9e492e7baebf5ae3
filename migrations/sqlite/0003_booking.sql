-- Booking: published slots (public times and capacities), group series, and
-- bookings. Who booked and everything they wrote is in the booking case's
-- sealed first message; a booking row says only that a seat is taken.

-- A group: a series of meetings booked as a whole. Its names are public.
create table series (
    id text primary key,                      -- random
    service text not null,
    name_fi text not null,
    name_sv text not null,
    name_en text not null,
    capacity integer not null,
    taken integer not null default 0,
    cancelled integer not null default 0,
    constraint series_seats check (taken >= 0 and taken <= capacity)
);
create index series_service on series (service);

-- A time someone can book: one-off, cut from weekly duty hours, or one
-- meeting of a group (booked through its series, never alone).
create table slots (
    id text primary key,                      -- random
    service text not null,
    starts_at integer not null,               -- unix seconds, UTC
    ends_at integer not null,                 -- unix seconds, UTC
    capacity integer not null,
    taken integer not null default 0,
    series_id text references series (id) on delete cascade,
    origin text not null,                     -- 'oneoff', 'weekly' or 'group'
    cancelled integer not null default 0,
    constraint slots_seats check (taken >= 0 and taken <= capacity),
    constraint slots_order check (ends_at > starts_at)
);
create index slots_service_start on slots (service, starts_at);
create index slots_series on slots (series_id);

-- A taken (or given back) seat. The case holds the sealed details.
create table bookings (
    id text primary key,                      -- random
    case_id text not null references cases (id) on delete cascade,
    slot_id text references slots (id),
    series_id text references series (id),
    state text not null,                      -- 'booked', 'cancelled', 'moved', 'done', 'no_show'
    constraint bookings_one_target check ((slot_id is null) <> (series_id is null))
);
create index bookings_case on bookings (case_id);
create index bookings_slot on bookings (slot_id);
