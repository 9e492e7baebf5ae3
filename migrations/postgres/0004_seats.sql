-- Same schema as migrations/sqlite/0004_seats.sql, without `without rowid`:
-- PostgreSQL keeps rows in a heap, in roughly the order they were written
-- (see SECURITY.md, "Booking").
create table seats (
    id text primary key,                      -- random; sealed in the case
    slot_id text references slots (id),
    series_id text references series (id),
    state text not null,                      -- 'booked', 'cancelled', 'moved', 'done', 'no_show'
    constraint seats_one_target check ((slot_id is null) <> (series_id is null))
);
create index seats_slot on seats (slot_id);
create index seats_series on seats (series_id);

-- Bookings made before this migration keep their link here; see
-- migrations/README.md.
create table seat_carryover (
    seat_id text primary key references seats (id) on delete cascade,
    case_id text not null references cases (id) on delete cascade
);

insert into seats (id, slot_id, series_id, state)
    select id, slot_id, series_id, state from bookings;
insert into seat_carryover (seat_id, case_id)
    select id, case_id from bookings;
drop table bookings;
