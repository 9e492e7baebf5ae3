-- Spent form nonces: a form taken once (a contact request, a look-up with
-- a receipt, a message written back, a booking, a booking opened, moved
-- or cancelled) records its token's nonce here, and the same form sent
-- again (Back, Reload, on any instance) is refused as expired: it never
-- shows a thread again and never makes a second case.
--
-- `nonce_hash`: an HMAC of the nonce under a pepper-derived key, hex, not
-- the nonce. `expires_on`: the UTC day after which the token is too old
-- to be taken anyway (the day of its taking plus the token's maximum age,
-- rounded up); the purge deletes rows past it. Day-granular, and written
-- in a transaction of its own, never in the case's.
--
-- `without rowid`: rows are stored in the order of their keyed hash, so
-- the table keeps no insertion order.
create table spent_form_nonces (
    nonce_hash text primary key,
    expires_on text not null
) without rowid;
create index spent_form_nonces_expiry on spent_form_nonces (expires_on);
