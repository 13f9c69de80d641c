-- The dialog fund (dialogpotten): a fund per project and year, its application periods, assessment criteria and
-- reviewers; applications with budget lines and attachments; reviewers' scores; decisions; final reports.

-- funds ---------------------------------------------------------------------------------------------------------------
create sequence dialog_fund_seq increment by 50;
create table dialog_fund (
    id                   bigint primary key,
    project_id           bigint         not null references project (id),
    year                 integer        not null check (year between 2000 and 2100),
    total_amount         numeric(12, 2) not null check (total_amount >= 0),
    -- Lowered in the decision's transaction, under a row lock; the check makes an overdraft impossible even so.
    remaining_amount     numeric(12, 2) not null,
    max_per_application  numeric(12, 2) not null check (max_per_application > 0),
    description          text,
    -- One municipality per line; when set, applicants choose among them.
    municipalities       text,
    report_due_days      integer        not null default 30 check (report_due_days between 0 and 365),
    target_applications  integer        not null default 10 check (target_applications >= 0),
    target_carried_out   integer        not null default 5 check (target_carried_out >= 0),
    created_at           timestamptz    not null default now(),
    version              bigint         not null default 0,
    constraint dialog_fund_project_year_uq unique (project_id, year),
    constraint dialog_fund_remaining_ck check (remaining_amount >= 0 and remaining_amount <= total_amount)
);

create sequence dialog_fund_period_seq increment by 50;
create table dialog_fund_period (
    id         bigint primary key,
    fund_id    bigint not null references dialog_fund (id) on delete cascade,
    opens_on   date   not null,
    closes_on  date   not null,
    constraint dialog_fund_period_ck check (closes_on >= opens_on)
);
create index dialog_fund_period_fund_idx on dialog_fund_period (fund_id, opens_on);

create sequence dialog_fund_criterion_seq increment by 50;
create table dialog_fund_criterion (
    id           bigint primary key,
    fund_id      bigint        not null references dialog_fund (id) on delete cascade,
    position     integer       not null,
    name         varchar(200)  not null,
    description  varchar(1000)
);
create index dialog_fund_criterion_fund_idx on dialog_fund_criterion (fund_id, position);

-- Steering-group members of the project whom the secretary has asked to review the fund's applications.
create table dialog_fund_reviewer (
    fund_id  bigint not null references dialog_fund (id) on delete cascade,
    user_id  bigint not null references app_user (id) on delete cascade,
    primary key (fund_id, user_id)
);

-- Reference numbers DP-<year>-<NNNN>: one counter row per year, incremented (and so locked) in the submitting
-- transaction; unique, gaps only if a submission rolls back.
create table dialog_reference_counter (
    year         integer primary key,
    last_number  integer not null check (last_number > 0)
);

-- applications --------------------------------------------------------------------------------------------------------
create sequence dialog_application_seq increment by 50;
create table dialog_application (
    id                            bigint primary key,
    fund_id                       bigint         not null references dialog_fund (id),
    owner_id                      bigint         not null references app_user (id),
    status                        varchar(20)    not null check (status in ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW',
                                                                            'GRANTED', 'REJECTED', 'CARRIED_OUT')),
    reference                     varchar(20),
    locale                        varchar(10)    not null default 'sv',
    organisation_name             varchar(200),
    organisation_number           varchar(11),
    organisation_kind             varchar(20) check (organisation_kind in ('ASSOCIATION', 'FAITH_COMMUNITY',
                                                      'STUDY_ASSOCIATION', 'SPORTS_CLUB', 'FOUNDATION', 'OTHER')),
    municipality                  varchar(100),
    contact_name                  varchar(200),
    contact_email                 varchar(320),
    contact_phone                 varchar(40),
    title                         varchar(200),
    description                   text,
    target_groups                 text,
    planned_start                 date,
    planned_end                   date,
    place                         varchar(200),
    expected_women                integer check (expected_women >= 0),
    expected_men                  integer check (expected_men >= 0),
    expected_newcomers            integer check (expected_newcomers >= 0),
    expected_long_time_residents  integer check (expected_long_time_residents >= 0),
    partners                      text,
    amount_requested              numeric(12, 2) check (amount_requested > 0),
    submitted_at                  timestamptz,
    review_started_at             timestamptz,
    granted_amount                numeric(12, 2) check (granted_amount > 0),
    decision_reason               text,
    decided_on                    date,
    decided_by                    bigint,
    report_due                    date,
    payment_requested_on          date,
    paid_on                       date,
    carried_out_on                date,
    created_at                    timestamptz    not null default now(),
    updated_at                    timestamptz    not null default now(),
    version                       bigint         not null default 0,
    constraint dialog_application_reference_uq unique (reference),
    constraint dialog_application_submitted_ck
        check (status = 'DRAFT' or (reference is not null and submitted_at is not null and amount_requested is not null)),
    constraint dialog_application_granted_ck
        check (status not in ('GRANTED', 'CARRIED_OUT') or (granted_amount is not null and decided_on is not null)),
    constraint dialog_application_grant_only_ck check (granted_amount is null or status in ('GRANTED', 'CARRIED_OUT')),
    constraint dialog_application_period_ck check (planned_end is null or planned_start is null
                                                   or planned_end >= planned_start)
);
create index dialog_application_owner_idx on dialog_application (owner_id, created_at desc);
create index dialog_application_fund_idx on dialog_application (fund_id, status);
create index dialog_application_report_due_idx on dialog_application (report_due) where status = 'GRANTED';

create table dialog_budget_line (
    application_id  bigint         not null references dialog_application (id) on delete cascade,
    position        integer        not null,
    description     varchar(200)   not null,
    amount          numeric(12, 2) not null check (amount >= 0),
    primary key (application_id, position)
);

-- Attachments: the description here, the bytes in their own table so that listing never loads them.
create sequence dialog_attachment_seq increment by 50;
create table dialog_attachment (
    id              bigint primary key,
    application_id  bigint       not null references dialog_application (id) on delete cascade,
    purpose         varchar(12)  not null check (purpose in ('APPLICATION', 'REPORT')),
    filename        varchar(200) not null,
    content_type    varchar(100) not null,
    size_bytes      integer      not null check (size_bytes > 0 and size_bytes <= 10485760),
    uploaded_at     timestamptz  not null default now()
);
create index dialog_attachment_application_idx on dialog_attachment (application_id, id);

create table dialog_attachment_content (
    attachment_id  bigint primary key references dialog_attachment (id) on delete cascade,
    content        bytea  not null
);

-- reviews -------------------------------------------------------------------------------------------------------------
create sequence dialog_review_seq increment by 50;
create table dialog_review (
    id              bigint primary key,
    application_id  bigint      not null references dialog_application (id) on delete cascade,
    reviewer_id     bigint      not null references app_user (id),
    comment         text,
    updated_at      timestamptz not null default now(),
    version         bigint      not null default 0,
    constraint dialog_review_uq unique (application_id, reviewer_id)
);

create table dialog_review_score (
    review_id     bigint  not null references dialog_review (id) on delete cascade,
    criterion_id  bigint  not null references dialog_fund_criterion (id) on delete cascade,
    score         integer not null check (score between 1 and 5),
    primary key (review_id, criterion_id)
);

-- final reports -------------------------------------------------------------------------------------------------------
create table dialog_final_report (
    application_id                    bigint primary key references dialog_application (id) on delete cascade,
    status                            varchar(10)    not null check (status in ('SUBMITTED', 'RETURNED', 'APPROVED')),
    summary                           text           not null,
    held_on                           date           not null,
    held_until                        date,
    participants_women                integer        not null check (participants_women >= 0),
    participants_men                  integer        not null check (participants_men >= 0),
    participants_newcomers            integer        not null check (participants_newcomers >= 0),
    participants_long_time_residents  integer        not null check (participants_long_time_residents >= 0),
    actual_costs                      numeric(12, 2) not null check (actual_costs >= 0),
    cost_comment                      text,
    submitted_at                      timestamptz    not null,
    return_comment                    text,
    approved_at                       timestamptz,
    version                           bigint         not null default 0,
    constraint dialog_final_report_period_ck check (held_until is null or held_until >= held_on)
);
