-- Participants: the people who take part in activities. Sign-ups, waiting lists and attendance follow in V4_1.
-- Sensitive data: the personal identity number is stored only encrypted (AES-GCM, shared/crypto) with a keyed hash
-- (blind index) for finding duplicates; reading it is logged in personal_id_access.

create sequence person_seq increment by 50;
create table person (
    id                        bigint primary key,
    user_id                   bigint unique references app_user (id),
    email                     varchar(320) not null,
    first_name                varchar(100) not null,
    last_name                 varchar(100) not null,
    phone                     varchar(40),
    employer_organisation_id  bigint references organisation (id),
    employer_name             varchar(200),
    job_title                 varchar(200),
    gender                    varchar(12)  not null check (gender in ('WOMAN', 'MAN', 'OTHER', 'UNDISCLOSED')),
    personal_id_encrypted     varchar(200),
    personal_id_index         varchar(64),
    locale                    varchar(5)   not null default 'sv',
    created_at                timestamptz  not null default now(),
    updated_at                timestamptz  not null default now(),
    erasure_requested_at      timestamptz,
    erased_at                 timestamptz,
    merged_into               bigint references person (id),
    version                   bigint       not null default 0,
    constraint person_employer_ck check (employer_organisation_id is not null or employer_name is not null
                                         or erased_at is not null)
);
-- One active person per e-mail address and per personal identity number; erased and merged records step aside.
create unique index person_email_uq on person (lower(email)) where erased_at is null and merged_into is null;
create unique index person_personal_id_uq on person (personal_id_index)
    where personal_id_index is not null and merged_into is null;
create index person_name_idx on person (lower(last_name), lower(first_name));
create index person_employer_idx on person (employer_organisation_id);

-- Who looked at which personal identity number, and when (GDPR: limit and log access).
create sequence personal_id_access_seq increment by 50;
create table personal_id_access (
    id         bigint primary key,
    person_id  bigint      not null references person (id),
    user_id    bigint      not null references app_user (id),
    at         timestamptz not null default now()
);
create index personal_id_access_person_idx on personal_id_access (person_id, at desc);

-- Sign-ups. The seat itself is counted on the activity (activity.seats_taken, reserved with one conditional update by
-- ActivitiesApi.tryReserveSeat); a sign-up is CONFIRMED when it holds a seat, WAITING otherwise. The waiting order is
-- the order of waiting_since (a sequence), so positions are 1..n without gaps whatever is cancelled in between.
create sequence sign_up_seq increment by 50;
create sequence waiting_list_seq;
create table sign_up (
    id               bigint primary key,
    activity_id      bigint        not null references activity (id),
    project_id       bigint        not null references project (id),
    person_id        bigint        not null references person (id),
    status           varchar(10)   not null check (status in ('CONFIRMED', 'WAITING', 'CANCELLED')),
    waiting_since    bigint,
    target_group_id  bigint references target_group (id),
    special_needs    varchar(1000),
    manage_token     varchar(43)   not null unique,
    created_at       timestamptz   not null default now(),
    confirmed_at     timestamptz,
    cancelled_at     timestamptz,
    cancelled_by     varchar(12) check (cancelled_by in ('PARTICIPANT', 'SECRETARY', 'ACTIVITY')),
    version          bigint        not null default 0,
    constraint sign_up_once_uq unique (activity_id, person_id),
    constraint sign_up_waiting_ck check ((status = 'WAITING') = (waiting_since is not null))
);
create index sign_up_waiting_idx on sign_up (activity_id, waiting_since) where status = 'WAITING';
create index sign_up_person_idx on sign_up (person_id);
create index sign_up_project_idx on sign_up (project_id, status);

-- Attendance per session. The session's date and length are copied when attendance is recorded, so that hours per
-- person and month are one aggregate over this table (the funder counts whole hours, rounded down, per month).
create table attendance (
    session_id    bigint      not null references activity_session (id) on delete cascade,
    person_id     bigint      not null references person (id),
    sign_up_id    bigint      not null references sign_up (id),
    activity_id   bigint      not null,
    project_id    bigint      not null,
    session_date  date        not null,
    minutes       integer     not null check (minutes >= 0),
    attended      boolean     not null,
    recorded_at   timestamptz not null default now(),
    recorded_by   bigint references app_user (id),
    primary key (session_id, person_id)
);
create index attendance_person_idx on attendance (person_id, session_date);
create index attendance_project_idx on attendance (project_id, session_date) where attended;
create index attendance_activity_idx on attendance (activity_id);
