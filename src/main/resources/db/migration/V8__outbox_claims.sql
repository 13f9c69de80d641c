-- The mail sender claims one message at a time with a short lease and commits the claim before it sends; it marks the
-- message sent in a commit of its own. A claim left by an instance that died runs out when its lease does, and any
-- instance's sender then takes the message over.
alter table outbox_message
    add column claimed_until timestamptz,
    add column claimed_by    varchar(100);
