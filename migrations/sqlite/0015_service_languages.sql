-- A service's name and description in the client languages besides fi, sv
-- and en, and the languages its counsellors answer in. Both are what an
-- admin wrote about the service, shown to every client: nothing about a
-- client or a case is here (the language a client wrote in travels only
-- inside the sealed message).
alter table services add column translations text not null default '{}';  -- JSON: {"ar": {"name": …, "description": …}}
alter table services add column answers_in text not null default 'fi sv en'; -- language codes, space-separated
