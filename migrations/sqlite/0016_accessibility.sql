-- The accessibility statement's organisation-specific parts
-- (docs/ACCESSIBILITY.md): plain text an admin writes on the web, seeded
-- from the config's [accessibility]. Nothing here is about a client; the
-- feedback itself is an ordinary sealed case of kind 'feedback'.

-- One text of one part in one client language ('fi', 'ar', 'fi-selko', …).
create table accessibility_texts (
    part text not null,                        -- 'organisation', 'answers', 'reply_time', 'contact', 'authority'
    lang text not null,
    body text not null,
    constraint accessibility_texts_key primary key (part, lang)
) without rowid;

-- The statement's one row of settings.
create table accessibility_settings (
    id integer not null primary key,
    statement_date text not null default '',   -- YYYY-MM-DD, or '' when none is given
    feedback_service text not null default '', -- the slug feedback is sealed to; '' for no form
    seeded text not null default '',           -- the config section last applied, as JSON
    constraint accessibility_settings_one check (id = 1)
);
