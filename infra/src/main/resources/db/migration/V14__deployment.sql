-- The deployment read model (query-side DeploymentProjection): the deployment's catalogue rooms and its
-- bootstraps step by step, for GET /api/admin/deployment/.
create table deployment_rooms (
    deployment varchar(200) not null,
    room_key   varchar(32)  not null,
    room_id    varchar(255) not null,
    constraint pk_deployment_rooms primary key (deployment, room_key)
);

create table deployment_bootstraps (
    bootstrap_id uuid                        not null,
    deployment   varchar(200)                not null,
    state        varchar(32)                 not null,
    started_at   timestamp(6) with time zone not null,
    finished_at  timestamp(6) with time zone,
    failed_step  varchar(100),
    failure      varchar(2000),
    constraint pk_deployment_bootstraps primary key (bootstrap_id)
);
create index ix_deployment_bootstraps_started on deployment_bootstraps (deployment, started_at);

-- one row per step: a step repeated by a retried bootstrap keeps its place and shows its last outcome
create table deployment_bootstrap_steps (
    bootstrap_id uuid          not null,
    step         varchar(100)  not null,
    position     integer       not null,
    outcome      varchar(32)   not null,
    detail       varchar(4000),
    constraint pk_deployment_bootstrap_steps primary key (bootstrap_id, step)
);
