-- A service's promise to answer within so many working days (none: no
-- promise), and the automatic first reply it sends to a written contact
-- request, per client language. Both are what an admin wrote about the
-- service: nothing about a client or a case is here.
alter table services add column answer_days integer;                          -- working days; null: no promise
alter table services add column auto_reply text not null default '{}';        -- JSON: {"fi": "…", "ar": "…"}

-- The last day each member was told that some cases of a service wait past
-- its promise: at most one such notice a day per service and member. It
-- says no more than the cases table already does (a case of the service,
-- new, opened that long ago), and names no case.
create table late_notices (
    service text not null,
    staff_id text not null references staff (id) on delete cascade,
    sent_on text not null,                                                     -- YYYY-MM-DD, UTC
    constraint late_notices_key primary key (service, staff_id)
) without rowid;
