-- Secrets encrypted at rest (AES-256-GCM under the master key); see SecretStore.
create table secrets (
    name       varchar(200)                not null,
    nonce      bytea                       not null,
    ciphertext bytea                       not null,
    updated_at timestamp(6) with time zone not null,
    constraint pk_secrets primary key (name)
);

-- The appservice link as set up by an administrator (one row). Tokens live in secrets.
create table appservice_settings (
    id               smallint                    not null,
    enabled          boolean                     not null,
    homeserver_url   varchar(2000),
    homeserver_domain varchar(255),
    sender_localpart varchar(255)                not null,
    webhook_url      varchar(2000),
    configured_at    timestamp(6) with time zone,
    configured_by    varchar(255),
    constraint pk_appservice_settings primary key (id),
    constraint ck_appservice_settings_singleton check (id = 1)
);

-- Transactions the homeserver pushed, by id and digest of their event ids: a repeat is a no-op, a
-- reused id with other events (a restarted homeserver) is a new transaction.
create table appservice_transactions (
    txn_id      varchar(255)                not null,
    digest      varchar(64)                 not null,
    event_count integer                     not null,
    received_at timestamp(6) with time zone not null,
    constraint pk_appservice_transactions primary key (txn_id, digest)
);
create index ix_appservice_transactions_received on appservice_transactions (received_at);

-- Read model: what happened in the Matrix rooms (messages and membership changes), as pushed.
create table room_timeline (
    matrix_event_id  varchar(255)                not null,
    matrix_room_id   varchar(255)                not null,
    event_type       varchar(255)                not null,
    sender           varchar(255)                not null,
    state_key        varchar(255),
    membership       varchar(32),
    msgtype          varchar(255),
    body             text,
    origin_server_ts timestamp(6) with time zone not null,
    received_at      timestamp(6) with time zone not null,
    constraint pk_room_timeline primary key (matrix_event_id)
);
create index ix_room_timeline_room on room_timeline (matrix_room_id, origin_server_ts);
