-- Foundation schema: projects and actors, accounts, the mail outbox and the infrastructure tables
-- (job locks, one-time login tokens, rate limits, the module event publication registry).
-- Ids come from sequences that step by 50 so Hibernate can hand out ids in blocks.

-- projects -----------------------------------------------------------------------------------------------------------
create sequence project_seq increment by 50;
create table project (
    id                      bigint primary key,
    name                    varchar(200) not null,
    short_name              varchar(40)  not null,
    funder_reference        varchar(40),
    owner_organisation      varchar(200) not null,
    start_date              date         not null,
    end_date                date         not null,
    planned_participants    integer check (planned_participants >= 0),
    total_budget            numeric(14, 2) check (total_budget >= 0),
    esf_support             numeric(14, 2) check (esf_support >= 0),
    co_financing_rate       numeric(5, 2) check (co_financing_rate between 0 and 100),
    description             text,
    requires_personal_id    boolean      not null default false,
    data_protection_url     varchar(500),
    keep_until              date,
    version                 bigint       not null default 0,
    created_at              timestamptz  not null default now(),
    constraint project_period_ck check (end_date >= start_date)
);
create unique index project_funder_reference_uq on project (funder_reference) where funder_reference is not null;

create sequence track_seq increment by 50;
create table track (
    id          bigint primary key,
    project_id  bigint       not null references project (id) on delete cascade,
    position    integer      not null,
    name        varchar(200) not null,
    description text,
    version     bigint       not null default 0
);
create unique index track_name_uq on track (project_id, lower(name));
create index track_project_idx on track (project_id, position);

create sequence target_group_seq increment by 50;
create table target_group (
    id          bigint primary key,
    project_id  bigint       not null references project (id) on delete cascade,
    code        varchar(10)  not null,
    name        varchar(300) not null,
    version     bigint       not null default 0,
    constraint target_group_code_uq unique (project_id, code)
);

create sequence organisation_seq increment by 50;
create table organisation (
    id            bigint primary key,
    name          varchar(200) not null,
    org_number    varchar(11),
    kind          varchar(20)  not null check (kind in ('MUNICIPALITY', 'REGION', 'STATE_AGENCY', 'NON_PROFIT',
                                                      'UNIVERSITY', 'OTHER')),
    municipality  varchar(100),
    website       varchar(300),
    version       bigint       not null default 0
);
create unique index organisation_org_number_uq on organisation (org_number) where org_number is not null;
create unique index organisation_name_uq on organisation (lower(name));

create sequence organisation_contact_seq increment by 50;
create table organisation_contact (
    id               bigint primary key,
    organisation_id  bigint       not null references organisation (id) on delete cascade,
    name             varchar(200) not null,
    title            varchar(200),
    email            varchar(320),
    phone            varchar(40)
);
create index organisation_contact_org_idx on organisation_contact (organisation_id);

create table project_actor (
    project_id       bigint      not null references project (id) on delete cascade,
    organisation_id  bigint      not null references organisation (id),
    role             varchar(20) not null check (role in ('OWNER', 'PARTNER', 'INVITED')),
    primary key (project_id, organisation_id)
);
create index project_actor_org_idx on project_actor (organisation_id);

create table project_unit_cost (
    project_id   bigint        not null references project (id) on delete cascade,
    year         integer       not null check (year between 2000 and 2100),
    hourly_rate  numeric(10, 2) not null check (hourly_rate >= 0),
    primary key (project_id, year)
);

-- accounts -----------------------------------------------------------------------------------------------------------
create sequence app_user_seq increment by 50;
create table app_user (
    id               bigint primary key,
    email            varchar(320) not null,
    display_name     varchar(200) not null,
    password_hash    varchar(200),
    enabled          boolean      not null default true,
    organisation_id  bigint references organisation (id),
    created_at       timestamptz  not null default now(),
    last_login_at    timestamptz,
    version          bigint       not null default 0
);
create unique index app_user_email_uq on app_user (lower(email));

create table app_user_role (
    user_id  bigint      not null references app_user (id) on delete cascade,
    role     varchar(20) not null check (role in ('ADMIN', 'SECRETARY', 'STEERING', 'ACTOR_CONTACT', 'PARTICIPANT',
                                                  'APPLICANT')),
    primary key (user_id, role)
);

create table app_user_project (
    user_id     bigint not null references app_user (id) on delete cascade,
    project_id  bigint not null references project (id) on delete cascade,
    primary key (user_id, project_id)
);
create index app_user_project_project_idx on app_user_project (project_id);

-- Spring Security's one-time login tokens (username widened to hold any e-mail address).
create table one_time_tokens (
    token_value  varchar(36)  not null primary key,
    username     varchar(320) not null,
    expires_at   timestamp    not null
);

-- Fixed-window counters for failed logins and login-link requests, per account and per address.
create table rate_limit (
    bucket_key    varchar(400) primary key,
    hits          integer      not null,
    window_start  timestamptz  not null
);

-- notifications ------------------------------------------------------------------------------------------------------
create sequence outbox_message_seq increment by 50;
create table outbox_message (
    id               bigint primary key,
    created_at       timestamptz  not null default now(),
    project_id       bigint references project (id) on delete set null,
    category         varchar(60)  not null,
    sensitive        boolean      not null default false,
    recipient        varchar(320) not null,
    subject          varchar(300) not null,
    body_text        text         not null,
    body_html        text,
    status           varchar(10)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    sent_at          timestamptz,
    last_error       varchar(1000),
    dedup_key        varchar(200)
);
create index outbox_message_due_idx on outbox_message (next_attempt_at) where status = 'PENDING';
create index outbox_message_project_idx on outbox_message (project_id, created_at desc);
create unique index outbox_message_dedup_uq on outbox_message (dedup_key) where dedup_key is not null;

create sequence outbox_attachment_seq increment by 50;
create table outbox_attachment (
    id            bigint primary key,
    message_id    bigint       not null references outbox_message (id) on delete cascade,
    filename      varchar(200) not null,
    content_type  varchar(100) not null,
    content       bytea        not null
);
create index outbox_attachment_message_idx on outbox_attachment (message_id);

-- infrastructure -----------------------------------------------------------------------------------------------------
create table shedlock (
    name        varchar(64)  not null primary key,
    lock_until  timestamptz  not null,
    locked_at   timestamptz  not null,
    locked_by   varchar(255) not null
);

-- Spring Modulith's event publication registry (schema v2).
create table event_publication (
    id                      uuid        not null primary key,
    listener_id             text        not null,
    event_type              text        not null,
    serialized_event        text        not null,
    publication_date        timestamptz not null,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     integer,
    last_resubmission_date  timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
