-- When a bucket was last hit, for the progressive delay after failed logins (the wait grows with the failures and is
-- counted from the latest one).
alter table rate_limit add column last_hit timestamptz not null default now();
