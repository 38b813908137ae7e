-- Blue/green rebuilds and drift checks of the read models (ProjectionRebuilds): one row per run, with
-- its progress, outcome and, for a drift check, the differences it found (JSON, personal columns
-- masked). The shadow tables a run builds (<table>_next) are created and dropped by the run itself.
create table projection_rebuilds (
    rebuild_id      uuid                        not null,
    projection      varchar(255)                not null,
    kind            varchar(32)                 not null,
    state           varchar(32)                 not null,
    node            varchar(255)                not null,
    started_at      timestamp(6) with time zone not null,
    head_at_start   bigint,
    position        bigint,
    caught_up_at    timestamp(6) with time zone,
    switched_at     timestamp(6) with time zone,
    finished_at     timestamp(6) with time zone,
    events_replayed bigint,
    differences     bigint,
    report          text,
    error           varchar(2000),
    constraint pk_projection_rebuilds primary key (rebuild_id)
);
create index ix_projection_rebuilds_projection on projection_rebuilds (projection, started_at);
