-- The history exports read model (query-side ExportProjection): one row per export not yet deleted.
-- Who may see an export is decided by its room (joined with rooms when listing).
create table history_exports (
    export_id     uuid                        not null,
    room_id       uuid                        not null,
    export_type   varchar(32)                 not null,
    state         varchar(32)                 not null,
    message_count bigint                      not null,
    media_count   bigint                      not null,
    error_message varchar(2000),
    requested_by  varchar(255),
    export_file   varchar(500),
    export_size   bigint,
    export_sha256 varchar(64),
    media_file    varchar(500),
    media_size    bigint,
    media_sha256  varchar(64),
    created       timestamp(6) with time zone not null,
    started_at    timestamp(6) with time zone,
    completed_at  timestamp(6) with time zone,
    constraint pk_history_exports primary key (export_id)
);
create index ix_history_exports_room on history_exports (room_id, created);
create index ix_history_exports_created on history_exports (created);
