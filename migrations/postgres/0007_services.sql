-- Same schema as migrations/sqlite/0007_services.sql; see the comments there.
create table services (
    slug text primary key,
    position bigint not null,
    name_fi text not null,
    name_sv text not null,
    name_en text not null,
    description_fi text not null,
    description_sv text not null,
    description_en text not null,
    topics text not null,
    recipients text not null,
    retention_days bigint not null,
    closed_retention_days bigint not null,
    time_zone text not null,
    phone text,
    retired bigint not null default 0,
    revision bigint not null default 1,
    config_hash text,
    created_on text not null,
    updated_on text not null
);
