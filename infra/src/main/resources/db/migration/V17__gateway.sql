-- The internal Matrix gateway's webhooks (infra gateway package). Subscriptions as the gateway's
-- WebhookProjection keeps them (their signing secrets are in the secrets table, encrypted), and the
-- deliveries: one row per subscription and recorded event, delivered in position order per
-- subscription. A delivery holds no event content: the content is read from the event store when it is
-- sent, so a person's erased key erases what would be delivered of them too.
create table gateway_webhook_subscriptions (
    subscription_id varchar(64)   not null,
    service         varchar(200)  not null,
    room_id         varchar(255)  not null,
    url             varchar(2048) not null,
    event_types     varchar(4000) not null,
    active          boolean       not null,
    constraint pk_gateway_webhook_subscriptions primary key (subscription_id)
);
create index ix_gateway_webhook_subscriptions_room on gateway_webhook_subscriptions (room_id, active);

create table gateway_webhook_deliveries (
    delivery_id     varchar(400)                not null,
    subscription_id varchar(64)                 not null,
    position        bigint                      not null,
    global_index    bigint                      not null,
    event_id        varchar(255)                not null,
    state           varchar(16)                 not null,
    attempts        integer                     not null,
    next_attempt_at timestamp(6) with time zone not null,
    last_error      varchar(1000),
    created_at      timestamp(6) with time zone not null,
    delivered_at    timestamp(6) with time zone,
    constraint pk_gateway_webhook_deliveries primary key (delivery_id)
);
create index ix_gateway_webhook_deliveries_order on gateway_webhook_deliveries (subscription_id, state, position);
create index ix_gateway_webhook_deliveries_state on gateway_webhook_deliveries (state, next_attempt_at);
