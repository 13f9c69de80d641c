-- Time reporting: the monthly time ledger per project, person and month (the funder counts whole hours, rounded down,
-- of each month's total), the attendance lines behind each month, its history (sent, reminded, confirmed, disputed,
-- corrected), the single-use confirmation links, and which months were reported to SCB and must be sent again.
-- The ledger is a read model of the participants module's attendance: kept current from its events, and rebuilt from
-- it with an identical result.

-- The length of the session, copied with the attendance like its date, so that partial attendance (arrived late, left
-- early) is told from the whole session without reading the activities module's tables. Null means the whole session
-- was attended (every row written before partial attendance existed, and rows written by older code).
alter table attendance add column session_minutes integer;
alter table attendance add constraint attendance_minutes_ck check (session_minutes is null or minutes <= session_minutes);

create sequence time_month_seq increment by 50;
create table time_month (
    id               bigint primary key,
    project_id       bigint        not null references project (id) on delete cascade,
    person_id        bigint        not null references person (id),
    month            date          not null check (extract(day from month) = 1),
    minutes          integer       not null default 0 check (minutes >= 0),
    status           varchar(10)   not null default 'OPEN'
                     check (status in ('OPEN', 'SENT', 'CONFIRMED', 'DISPUTED', 'CORRECTED')),
    sent_at          timestamptz,
    reminders_sent   integer       not null default 0,
    reminded_at      timestamptz,
    answered_at      timestamptz,
    method           varchar(10)   check (method in ('LINK', 'SIGNED_IN', 'PAPER')),
    answered_by      bigint        references app_user (id),
    dispute_comment  varchar(2000),
    paper            boolean       not null default false,
    version          bigint        not null default 0,
    updated_at       timestamptz   not null default now(),
    constraint time_month_uq unique (project_id, person_id, month),
    constraint time_month_answer_ck check ((status in ('CONFIRMED', 'DISPUTED')) = (answered_at is not null))
);
create index time_month_project_idx on time_month (project_id, month, status);
create index time_month_person_idx on time_month (person_id, month);
create index time_month_due_idx on time_month (status, month) where status in ('OPEN', 'SENT', 'CORRECTED');

-- The attended sessions behind a month (attended rows only; minutes may be less than the session's).
create table time_line (
    time_month_id    bigint   not null references time_month (id) on delete cascade,
    session_id       bigint   not null,
    activity_id      bigint   not null,
    session_date     date     not null,
    minutes          integer  not null check (minutes > 0),
    session_minutes  integer  not null check (session_minutes >= minutes),
    primary key (time_month_id, session_id)
);

-- What happened to a month, in order: who did it, how, why, and the minutes before and after a change.
create sequence time_event_seq increment by 50;
create table time_event (
    id              bigint primary key,
    time_month_id   bigint        not null references time_month (id) on delete cascade,
    at              timestamptz   not null default now(),
    kind            varchar(12)   not null check (kind in ('SENT', 'REMINDED', 'RESENT', 'CONFIRMED', 'DISPUTED',
                                                           'CORRECTED', 'CHANGED', 'PAPER')),
    by_user         bigint        references app_user (id),
    method          varchar(10)   check (method in ('LINK', 'SIGNED_IN', 'PAPER')),
    comment         varchar(2000),
    minutes_before  integer,
    minutes_after   integer
);
create index time_event_month_idx on time_event (time_month_id, at);

-- Single-use links in the confirmation mails: only the SHA-256 of the token is kept.
create table time_link (
    token_hash     varchar(64)  primary key,
    time_month_id  bigint       not null references time_month (id) on delete cascade,
    created_at     timestamptz  not null default now(),
    expires_at     timestamptz  not null,
    used_at        timestamptz
);
create index time_link_month_idx on time_link (time_month_id);

-- SCB months: when a project's month was reported, and whether it must be sent again (a correction of that month or
-- of an earlier one after it was reported).
create table time_scb_month (
    project_id    bigint        not null references project (id) on delete cascade,
    month         date          not null check (extract(day from month) = 1),
    reported_at   timestamptz,
    reported_by   bigint        references app_user (id),
    needs_resend  boolean       not null default false,
    flagged_at    timestamptz,
    flag_reason   varchar(500),
    primary key (project_id, month)
);
