-- Issue 18: personal data that leaves when it should.

-- A mail to an erased address that was not yet sent is cancelled (never sent, kept without address or body).
alter table outbox_message drop constraint if exists outbox_message_status_check;
alter table outbox_message add constraint outbox_message_status_check
    check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED'));
create index outbox_message_retention_idx on outbox_message (sensitive, coalesce(sent_at, created_at))
    where status <> 'PENDING';

-- Every merge in the person register: who, when, which records moved; undoable until undo_until. The duplicate's
-- contact data before the merge is kept (encrypted) only for the undo and erased by the retention job after it.
create sequence person_merge_seq increment by 50;
create table person_merge (
    id                   bigint primary key,
    kept_person_id       bigint       not null references person (id),
    duplicate_person_id  bigint       not null references person (id),
    merged_by            bigint       not null references app_user (id),
    merged_at            timestamptz  not null,
    undo_until           timestamptz  not null,
    moved_sign_ups       bigint[]     not null default '{}',
    dropped_sign_ups     bigint[]     not null default '{}',
    moved_sessions       bigint[]     not null default '{}',
    moved_personal_id    boolean      not null default false,
    moved_user_id        bigint,
    duplicate_snapshot   text,
    undone_at            timestamptz,
    undone_by            bigint references app_user (id)
);
create index person_merge_kept_idx on person_merge (kept_person_id);
create index person_merge_duplicate_idx on person_merge (duplicate_person_id);
create index personal_id_access_at_idx on personal_id_access (at);
