-- The deployment's users as their callbacks left them (query-side DeploymentProjection), for the
-- reconciliation to compare with the catalogue's memberships and power levels.
create table deployment_users (
    user_id        uuid         not null,
    deployment     varchar(200) not null,
    matrix_user_id varchar(255) not null,
    account        varchar(16),
    admin          boolean      not null,
    constraint pk_deployment_users primary key (user_id)
);
create index ix_deployment_users_deployment on deployment_users (deployment);
