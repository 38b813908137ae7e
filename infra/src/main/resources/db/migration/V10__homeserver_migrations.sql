-- Homeserver migrations (command-side look-up, written in the transactions of their events): one row
-- per migration, for the list of migrations. unfinished is 'unfinished' while the migration runs or is
-- paused and null once it completed or was cancelled; the unique key lets one row at a time hold the
-- value (nulls never collide), so of two racing starts the second breaks the key.
create table cmd_homeserver_migrations (
    migration_id uuid                        not null,
    started_at   timestamp(6) with time zone not null,
    unfinished   varchar(16),
    constraint pk_cmd_homeserver_migrations primary key (migration_id),
    constraint uk_cmd_homeserver_migrations_unfinished unique (unfinished)
);
create index ix_cmd_homeserver_migrations_started on cmd_homeserver_migrations (started_at desc);
