-- Message bodies are personal data of a person (the sender, or the person a bot notice names):
-- the timeline keeps whose, so that erasing the person empties their bodies here as well.
alter table room_timeline add column body_subject uuid;
create index ix_room_timeline_body_subject on room_timeline (body_subject);
