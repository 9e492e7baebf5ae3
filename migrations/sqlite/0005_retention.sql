-- Retention. `cases.retain_until` (from 0001) is the day a case is deleted
-- on: the purge deletes a case once that day has come. It is now kept by
-- the service's rules (`retention_days`, `closed_retention_days`) and moved
-- on by activity.

-- Content-free statistics that outlive purged cases: how many cases (and
-- messages in them) of each service and kind, opened in each month, were
-- deleted. Nothing else about them is kept.
create table retention_counts (
    service text not null,
    kind text not null,
    month text not null,                      -- YYYY-MM the cases were opened, UTC
    cases integer not null,
    messages integer not null,
    constraint retention_counts_key primary key (service, kind, month)
);

-- Cases stored before the rules existed. Their deadline depends on the
-- configuration, which SQL cannot see: the first `suoja serve` or
-- `suoja purge` computes it from the plaintext (status, last activity,
-- booked time) and crosses each case off here.
create table retention_pending (
    case_id text primary key references cases (id) on delete cascade
);
insert into retention_pending (case_id) select id from cases;

-- The rules each service's deadlines were last computed with. When the
-- configuration changes them, every case of that service is listed in
-- retention_pending again and recomputed, so a shorter rule reaches cases
-- that see no more activity.
create table retention_rules (
    service text primary key,
    days integer not null,
    closed_days integer not null
);

-- The purge and the queue's "deleted soon" filter look cases up by deadline.
create index cases_retain_until on cases (retain_until);
