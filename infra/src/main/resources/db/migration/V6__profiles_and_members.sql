-- Command-side look-up: one Matrix user id, one person (written with the profile events).
create table cmd_matrix_user_ids (
    matrix_user_id varchar(255) not null,
    user_id        uuid         not null,
    constraint pk_cmd_matrix_user_ids primary key (matrix_user_id),
    constraint uk_cmd_matrix_user_ids_user unique (user_id)
);

-- Read model: people's Matrix accounts.
create table user_profiles (
    user_id        uuid         not null,
    matrix_user_id varchar(255) not null,
    provisioned    boolean      not null,
    access_ended   boolean      not null,
    constraint pk_user_profiles primary key (user_id)
);
create index ix_user_profiles_matrix_user on user_profiles (matrix_user_id);

-- Read model: who is in which room, with which power level.
create table room_members (
    room_id        uuid                        not null,
    matrix_user_id varchar(255)                not null,
    user_id        uuid,
    membership     varchar(16)                 not null,
    power_level    integer                     not null,
    updated_at     timestamp(6) with time zone not null,
    constraint pk_room_members primary key (room_id, matrix_user_id)
);
