-- Same schema as migrations/sqlite/0006_rotation.sql; see the comments there.
create table rotation_jobs (
    seq bigint generated always as identity primary key,
    id text not null unique,
    kind text not null,
    service text not null,
    target_epoch bigint not null references key_epochs (id),
    state text not null,
    started_by text not null,
    total bigint not null,
    done bigint not null default 0,
    unreadable bigint not null default 0,
    skipped bigint not null default 0,
    after_seq bigint not null default 0,
    checked bigint not null default 0,
    check_failed bigint not null default 0,
    created_on text not null,
    updated_on text not null
);
create index rotation_jobs_service on rotation_jobs (service, state);
-- At most one running job per service.
create unique index rotation_jobs_one_running on rotation_jobs (service) where state = 'running';
