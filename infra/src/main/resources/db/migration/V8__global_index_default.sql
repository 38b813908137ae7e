-- The event store's global index is taken from its sequence by the insert itself (a column default),
-- as Axon's JDBC storage engine inserts events without it. Same sequence, same increment of 1.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
