-- Command-side look-ups: written in the same transaction as the events they follow.
create table cmd_project_lookup (
    project_id  uuid         not null,
    customer_id uuid         not null,
    name        varchar(255) not null,
    deleted     boolean      not null,
    constraint pk_cmd_project_lookup primary key (project_id)
);

-- At most one room per project: the primary key decides a race between two creations.
create table cmd_room_by_project (
    project_id uuid not null,
    room_id    uuid not null,
    constraint pk_cmd_room_by_project primary key (project_id),
    constraint uk_cmd_room_by_project_room unique (room_id)
);

-- Read model: the room list.
create table rooms (
    room_id        uuid                        not null,
    project_id     uuid                        not null,
    customer_id    uuid                        not null,
    name           varchar(255)                not null,
    alias          varchar(255),
    matrix_room_id varchar(255),
    state          varchar(255)                not null,
    error_message  varchar(2000),
    created        timestamp(6) with time zone not null,
    modified       timestamp(6) with time zone not null,
    constraint pk_rooms primary key (room_id)
);
create index ix_rooms_project on rooms (project_id);
create index ix_rooms_state on rooms (state);
create index ix_rooms_created on rooms (created desc);
