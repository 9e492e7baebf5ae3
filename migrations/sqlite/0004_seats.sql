-- Seats replace bookings: a seat row says only that a seat of a slot or a
-- group is taken, and its state. It names no case. The seat's random id is
-- sealed inside the booking case (its first message, and the line a move
-- adds), so only the client's key and the service's staff keys can tell
-- which case holds which seat.
--
-- `without rowid`: rows are stored in the order of their random id, so the
-- table keeps no insertion order to match against `cases.seq`.
create table seats (
    id text primary key,                      -- random; sealed in the case
    slot_id text references slots (id),
    series_id text references series (id),
    state text not null,                      -- 'booked', 'cancelled', 'moved', 'done', 'no_show'
    constraint seats_one_target check ((slot_id is null) <> (series_id is null))
) without rowid;
create index seats_slot on seats (slot_id);
create index seats_series on seats (series_id);

-- Bookings made before this migration: their sealed documents hold no seat
-- id, and sealing one in needs the application, not SQL. Their link stays
-- here, in plaintext, so no booking is lost; see migrations/README.md.
create table seat_carryover (
    seat_id text primary key references seats (id) on delete cascade,
    case_id text not null references cases (id) on delete cascade
) without rowid;

insert into seats (id, slot_id, series_id, state)
    select id, slot_id, series_id, state from bookings;
insert into seat_carryover (seat_id, case_id)
    select id, case_id from bookings;
drop table bookings;
