-- A session's unlocked identity, sealed with ChaCha20-Poly1305 under a key
-- derived (HKDF-SHA256) from the session token, which only the browser's
-- cookie holds, with the row's token hash as associated data: any instance,
-- or this one after a restart, opens it when the cookie comes back, and the
-- database alone opens nothing. Null for sessions begun before 0010, whose
-- keys were only in the memory of the process that was restarted to run
-- this migration: they ask to log in again.
alter table sessions add column sealed_identity bytea;
