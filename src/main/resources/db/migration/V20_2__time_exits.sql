-- An explicit exit of a participant from a project (issue 12, point 7): the date they left and why, recorded by the
-- secretary. The SCB file takes it as the end date and reports the leaver in its month; without one, the rule for
-- people who simply stop coming applies (ParticipationSpells). Kept as long as the ledger (legal obligation).
create sequence time_exit_seq;

create table time_exit (
    id          bigint primary key,
    project_id  bigint      not null references project (id) on delete cascade,
    person_id   bigint      not null references person (id),
    exit_date   date        not null,
    reason      varchar(20) not null check (reason in ('COMPLETED', 'LEFT_PROJECT', 'NEW_JOB', 'OTHER')),
    recorded_by bigint      references app_user (id) on delete set null,
    recorded_at timestamptz not null default now(),
    -- Set when a person merge moved the exit from the duplicate, so that undoing the merge moves it back.
    merged_from_person_id bigint references person (id),
    constraint time_exit_uq unique (project_id, person_id, exit_date)
);

create index time_exit_person_idx on time_exit (person_id);
