-- Services: what a client may contact, and who reads it. Before 0007 they
-- lived only in the config's [[services]]; now the config seeds this table
-- (an entry is applied when its slug is new, or when the entry itself was
-- changed in the file since it was last applied: `config_hash`), and admins
-- create and edit services on the web and with `suoja service`.
-- No secret here: recipients are age public keys.
create table services (
    slug text primary key,                    -- fixed once created
    position integer not null,                -- order on the landing page
    name_fi text not null,
    name_sv text not null,
    name_en text not null,
    description_fi text not null,
    description_sv text not null,
    description_en text not null,
    topics text not null,                     -- JSON: ["general", {"id": …, "fi": …, "sv": …, "en": …}]
    recipients text not null,                 -- age recipients file: one age1… a line
    retention_days integer not null,          -- all cases
    closed_retention_days integer not null,   -- closed cases
    time_zone text not null,                  -- IANA name
    phone text,                               -- null: no line
    retired integer not null default 0,       -- 1: hidden from clients, cases kept until retention
    revision integer not null default 1,      -- +1 at every change: instances poll sum(revision)
    config_hash text,                         -- the config entry last applied; null: never from the config
    created_on text not null,                 -- YYYY-MM-DD, UTC
    updated_on text not null                  -- YYYY-MM-DD, UTC
);
