-- The counsellor's working day (issue 20): taking cases, the queue's
-- mine / untaken / all filter in either order, and canned replies.

-- The queue's "who" views: a counsellor's own cases (`assignee = me`) and
-- the untaken ones (`assignee is null`), all, by status or by deletion day,
-- each a seek on one service's index in either direction, as the views of
-- migration 0012 are.
create index cases_queue_who on cases (service, assignee, opened_on, id);
create index cases_queue_who_status on cases (service, assignee, status, opened_on, id);
create index cases_queue_who_deleted on cases (service, assignee, retain_until, id);

-- Canned replies: a service's own texts that its counsellors insert into a
-- reply and edit before sending. They are the organisation's words, not
-- about any client, so they are stored in the clear (SECURITY.md); a reply
-- made from one is sealed like any other.
create table canned_replies (
    id text not null primary key,             -- random
    service text not null,                    -- the service's slug
    lang text not null,                       -- a client language code ('fi', 'ar', 'fi-selko', …)
    title text not null,                      -- 1–100 characters
    body text not null                        -- 1–5000 characters
) without rowid;
create index canned_replies_service on canned_replies (service, lang, title, id);
