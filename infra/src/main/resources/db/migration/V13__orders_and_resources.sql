-- The orders and resources read model (query-side ProjectWorkProjection): what the host platform told
-- about each project's resources and orders, for the bot's !status and !orders.
create table project_resources (
    resource_id uuid         not null,
    project_id  uuid         not null,
    name        varchar(500) not null,
    state       varchar(32)  not null,
    constraint pk_project_resources primary key (resource_id)
);
create index ix_project_resources_project on project_resources (project_id);

create table project_orders (
    order_id    uuid                        not null,
    project_id  uuid                        not null,
    order_type  varchar(200)                not null,
    offering    varchar(500)                not null,
    resource_id uuid,
    state       varchar(32)                 not null,
    created_at  timestamp(6) with time zone not null,
    constraint pk_project_orders primary key (order_id)
);
create index ix_project_orders_project on project_orders (project_id, created_at);
