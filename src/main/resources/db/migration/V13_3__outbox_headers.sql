-- Extra header fields of a queued mail (issue 15: List-Unsubscribe and List-Unsubscribe-Post of newsletters), one
-- "Name: value" a line; and a prefix index on the dedup key, so that the progress of a mailing (every mail of a
-- newsletter issue shares a key prefix) is counted without reading the whole outbox.

alter table outbox_message add column headers text;
create index outbox_message_dedup_prefix_idx on outbox_message (dedup_key text_pattern_ops) where dedup_key is not null;
