-- Indicators: each project's indicator definitions with their targets, the values the secretary enters by hand for
-- manual indicators, the register of collaboration projects (Delmål 2 micro projects) and the saved versions of the
-- progress report's texts. Computed indicators are not stored: they are aggregates over the other modules' data,
-- asked for through those modules' APIs when the dashboard is shown.

create sequence indicator_seq increment by 50;
create table indicator (
    id             bigint primary key,
    project_id     bigint         not null references project (id) on delete cascade,
    position       integer        not null,
    name_sv        varchar(200)   not null,
    name_en        varchar(200),
    sub_goal       varchar(100),
    description    varchar(2000),
    kind           varchar(40)    not null check (kind in ('UNIQUE_PARTICIPANTS', 'PARTICIPANT_GENDER_SHARE',
                                                           'TRAINER_GENDER_SHARE', 'EVALUATION_STATEMENT',
                                                           'ACTIVITIES_HELD', 'COLLABORATION_PROJECTS_DEVELOPED',
                                                           'COLLABORATION_PROJECTS_CARRIED_OUT',
                                                           'DIALOG_FUND_APPLICATIONS', 'DIALOG_FUND_GRANTED',
                                                           'DIALOG_FUND_CARRIED_OUT', 'ACTORS_WITH_PLAN',
                                                           'PARTICIPANT_HOURS', 'CO_FINANCING_VALUE', 'MANUAL')),
    comparison     varchar(20)    not null check (comparison in ('AT_LEAST', 'SHARE_AT_LEAST', 'SHARE_BETWEEN')),
    target         numeric(14, 2) not null check (target >= 0),
    target_max     numeric(14, 2),
    period         varchar(20)    not null check (period in ('WHOLE_PROJECT', 'PER_YEAR')),
    activity_kind  varchar(30),
    statement_key  varchar(60),
    gender         varchar(12)    check (gender in ('WOMAN', 'MAN')),
    version        bigint         not null default 0,
    created_at     timestamptz    not null default now(),
    constraint indicator_between_ck check (comparison <> 'SHARE_BETWEEN' or (target_max is not null and target_max >= target))
);
create index indicator_project_idx on indicator (project_id, position);

create sequence indicator_value_seq increment by 50;
create table indicator_value (
    id            bigint primary key,
    indicator_id  bigint         not null references indicator (id) on delete cascade,
    value         numeric(14, 2) not null,
    measured_on   date           not null,
    note          varchar(1000),
    recorded_by   bigint,
    recorded_at   timestamptz    not null default now()
);
create index indicator_value_indicator_idx on indicator_value (indicator_id, measured_on desc);

create sequence collaboration_project_seq increment by 50;
create table collaboration_project (
    id                 bigint primary key,
    project_id         bigint        not null references project (id) on delete cascade,
    title              varchar(200)  not null,
    description        varchar(2000),
    forum_activity_id  bigint,
    status             varchar(12)   not null check (status in ('IDEA', 'DEVELOPED', 'CARRIED_OUT')),
    started_on         date,
    developed_on       date,
    carried_out_on     date,
    version            bigint        not null default 0,
    created_at         timestamptz   not null default now(),
    constraint collaboration_project_developed_ck check (status = 'IDEA' or developed_on is not null),
    constraint collaboration_project_carried_out_ck check (status <> 'CARRIED_OUT' or carried_out_on is not null)
);
create index collaboration_project_project_idx on collaboration_project (project_id, status);

create table collaboration_project_partner (
    collaboration_project_id  bigint not null references collaboration_project (id) on delete cascade,
    organisation_id           bigint not null references organisation (id),
    primary key (collaboration_project_id, organisation_id)
);

-- The progress report's texts on the horizontal principles; every save is a new version, none is overwritten.
create sequence progress_report_seq increment by 50;
create table progress_report (
    id                  bigint primary key,
    project_id          bigint       not null references project (id) on delete cascade,
    period_from         date         not null,
    period_to           date         not null,
    version_no          integer      not null,
    gender_equality     text,
    accessibility       text,
    non_discrimination  text,
    saved_at            timestamptz  not null default now(),
    saved_by            bigint,
    constraint progress_report_period_ck check (period_to >= period_from),
    constraint progress_report_version_uq unique (project_id, period_from, period_to, version_no)
);

-- The dashboard's aggregates over attendance: one project's attended rows by date with the person, read from the
-- index alone (unique participants per month, by gender, by activity).
create index attendance_dashboard_idx on attendance (project_id, session_date, person_id, activity_id, minutes)
    where attended;
