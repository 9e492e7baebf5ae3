-- Same schema as migrations/sqlite/0012_no_insertion_order.sql; see the
-- comments there. PostgreSQL's own physical row order and `xmin` remain
-- (SECURITY.md).

-- Messages: their place in their own thread replaces the global sequence.
alter table messages add column n integer;
update messages m set n = p.n
    from (select id, row_number() over (partition by case_id order by seq) - 1 as n
          from messages) p
    where p.id = m.id;
alter table messages alter column n set not null;
alter table messages drop column seq;
alter table messages drop constraint messages_id_key;
alter table messages add constraint messages_pkey primary key (id);
alter table messages add constraint messages_place unique (case_id, n);
create index messages_epoch on messages (key_epoch, id);

-- Cases: the random id becomes the key. The foreign keys that lean on the
-- old unique constraint go with it and are made again on the key.
alter table cases drop column seq;
alter table cases drop constraint cases_id_key cascade;
alter table cases add constraint cases_pkey primary key (id);
alter table messages add foreign key (case_id) references cases (id) on delete cascade;
alter table seat_carryover add foreign key (case_id) references cases (id) on delete cascade;
alter table retention_pending add foreign key (case_id) references cases (id) on delete cascade;
create index cases_queue on cases (service, opened_on, id);
create index cases_queue_status on cases (service, status, opened_on, id);
create index cases_queue_deleted on cases (service, retain_until, id);

-- The audit log: a random id, ordered by `at`.
alter table audit_log add column id text;
update audit_log set id = md5(random()::text || clock_timestamp()::text || staff_id);
alter table audit_log alter column id set not null;
alter table audit_log drop column seq;
alter table audit_log add constraint audit_log_pkey primary key (id);
drop index if exists audit_log_staff;
create index audit_log_at on audit_log (at, id);
create index audit_log_staff on audit_log (staff_id, at, id);

alter table rotation_jobs add column after_id text not null default '';
alter table rotation_jobs drop column after_seq;
