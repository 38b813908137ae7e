-- Worlds of the virtual office (issue 22).

-- Command-side look-up, written in the transactions of world events: every world and world room by
-- its uuid (a uuid names one of them only), whether it is the self-hosted default world, whether the
-- room was deleted, and its Matrix room (the world's Space for a world), which homeserver work reads.
create table cmd_world_places (
    place_id       uuid         not null,
    world_id       uuid         not null,
    kind           varchar(16)  not null,
    is_default     boolean      not null,
    removed        boolean      not null,
    matrix_room_id varchar(255),
    constraint pk_cmd_world_places primary key (place_id)
);

-- Command-side look-up, written in the transactions of presence events: who is in which area now, by
-- Matrix id (one Matrix id may belong to several people; a leave does not kick one still present).
create table cmd_area_presence (
    area_id        uuid         not null,
    person_id      uuid         not null,
    matrix_user_id varchar(255),
    constraint pk_cmd_area_presence primary key (area_id, person_id)
);
create index ix_cmd_area_presence_matrix on cmd_area_presence (area_id, matrix_user_id);

-- The worlds read model (query-side WorldProjection), for the host's room listing.
create table worlds (
    world_id      uuid         not null,
    organisation  varchar(100),
    slug          varchar(100),
    name          varchar(500) not null,
    space_room_id varchar(255),
    constraint pk_worlds primary key (world_id)
);

create table world_rooms (
    room_id        uuid          not null,
    world_id       uuid          not null,
    kind           varchar(16)   not null,
    name           varchar(500)  not null,
    tags           varchar(4000) not null,
    matrix_room_id varchar(255),
    removed        boolean       not null,
    constraint pk_world_rooms primary key (room_id)
);
create index ix_world_rooms_world on world_rooms (world_id, kind);

-- tags: pipe-separated, as the room state event writes them
create table world_members (
    world_id  uuid          not null,
    person_id uuid          not null,
    tags      varchar(4000) not null,
    constraint pk_world_members primary key (world_id, person_id)
);
