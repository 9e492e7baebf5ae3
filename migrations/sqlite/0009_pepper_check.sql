-- A fingerprint of the pepper (a keyed hash that reveals nothing of it):
-- the first `suoja serve` on a database writes it, and every later one,
-- on any instance, refuses to start with another pepper, under which no
-- receipt would be found and no TOTP seed would open.
create table pepper_check (
    id integer primary key check (id = 1),
    fingerprint text not null
);
