-- The bot's commands read so far, by Matrix event id: a command the homeserver pushes again in another
-- appservice transaction is answered once. One small row per command, kept (the answer's work row is
-- gone once the reply is posted).
create table bot_commands_seen (
    event_id varchar(255)                not null,
    seen_at  timestamp(6) with time zone not null,
    constraint pk_bot_commands_seen primary key (event_id)
);
