-- Who marked or unmarked a person as having a protected identity (skyddad identitet) and when (issue 12, point 7).
-- person.protected_identity (V14) is the current state; the SCB file and the time certificates then write the date of
-- birth and SCB's code instead of the number, and leave the name out.
create sequence protected_identity_change_seq;

create table protected_identity_change (
    id          bigint primary key,
    person_id   bigint      not null references person (id) on delete cascade,
    protected   boolean     not null,
    changed_by  bigint      references app_user (id) on delete set null,
    changed_at  timestamptz not null default now()
);

create index protected_identity_change_person_idx on protected_identity_change (person_id, changed_at);
