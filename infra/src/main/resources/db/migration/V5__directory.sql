-- Command-side look-up: the people the directory knows and whether they are deactivated, written in
-- the same transaction as the user events (a role may only be granted to a known, active person).
-- No personal data.
create table cmd_user_lookup (
    user_id     uuid    not null,
    deactivated boolean not null,
    constraint pk_cmd_user_lookup primary key (user_id)
);

-- Read model "directory" (processor directory; rebuildable): people, customers, projects and the
-- roles that tie them. Erased people keep their row with full_name and email null.
create table directory_users (
    user_id   uuid         not null,
    username  varchar(150) not null,
    full_name varchar(255),
    email     varchar(255),
    active    boolean      not null,
    erased    boolean      not null,
    constraint pk_directory_users primary key (user_id)
);

create table directory_customers (
    customer_id uuid         not null,
    name        varchar(255) not null,
    constraint pk_directory_customers primary key (customer_id)
);

create table directory_projects (
    project_id  uuid         not null,
    customer_id uuid         not null,
    name        varchar(255) not null,
    deleted     boolean      not null,
    constraint pk_directory_projects primary key (project_id)
);
create index ix_directory_projects_customer on directory_projects (customer_id);

create table directory_project_roles (
    project_id uuid        not null,
    user_id    uuid        not null,
    role       varchar(32) not null,
    constraint pk_directory_project_roles primary key (project_id, user_id, role)
);
create index ix_directory_project_roles_user on directory_project_roles (user_id);

create table directory_customer_roles (
    customer_id uuid        not null,
    user_id     uuid        not null,
    role        varchar(32) not null,
    constraint pk_directory_customer_roles primary key (customer_id, user_id, role)
);
create index ix_directory_customer_roles_user on directory_customer_roles (user_id);
