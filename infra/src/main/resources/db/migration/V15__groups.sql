-- Group rooms (issue 21). The command side's look-up of the groups' people and their Matrix ids
-- (JdbcGroupPeople, subscribing group group-people-lookup): written in the transaction of the
-- person's events, read by the Group aggregate when a member is added.
create table cmd_group_people (
    user_id        uuid         not null,
    matrix_user_id varchar(255) not null,
    constraint pk_cmd_group_people primary key (user_id)
);

-- The groups read model (query-side GroupRoomsProjection): each group with its rooms, members and
-- invitation ledger, for the reconciliation's comparison with the homeserver.
create table group_rooms (
    group_id        uuid          not null,
    slug            varchar(100)  not null,
    name            varchar(200)  not null,
    url             varchar(2000) not null,
    public_room_id  varchar(255),
    private_room_id varchar(255),
    constraint pk_group_rooms primary key (group_id)
);

create table group_room_members (
    group_id       uuid         not null,
    user_id        uuid         not null,
    matrix_user_id varchar(255) not null,
    constraint pk_group_room_members primary key (group_id, user_id)
);

create table group_room_invitations (
    group_id       uuid         not null,
    room_id        varchar(255) not null,
    matrix_user_id varchar(255) not null,
    constraint pk_group_room_invitations primary key (group_id, room_id, matrix_user_id)
);
