-- Group rooms (issue 21). The command side's look-up of the groups' people and their Matrix ids
-- (JdbcGroupPeople, subscribing group group-people-lookup): written in the transaction of the
-- person's events, read by the Group aggregate when a member is added.
create table cmd_group_people (
    user_id        uuid         not null,
    matrix_user_id varchar(255) not null,
    constraint pk_cmd_group_people primary key (user_id)
);
