-- Course evaluations. A template belongs to a project; an evaluation belongs to one activity and holds its own copy of
-- the questions (so editing a template never changes what was asked). Questions live in one table for both.
--
-- Anonymity: evaluation_response and evaluation_answer hold no person, token, e-mail, address or time of day. A
-- response keeps a random id, its date, its source (web or paper) and the organisation that employed the respondent
-- when they were invited (for breakdowns, never shown for fewer than five answers). Whether someone has answered is
-- kept only on their invitation (for reminders), and the invitation keeps only a hash of its link's token.

create sequence survey_seq increment by 50;

create table evaluation_template (
    id          bigint       primary key,
    project_id  bigint       not null references project (id) on delete cascade,
    name        varchar(200) not null,
    is_default  boolean      not null default false,
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0
);
create unique index evaluation_template_default_uq on evaluation_template (project_id) where is_default;

create table evaluation (
    id               bigint       primary key,
    project_id       bigint       not null references project (id),
    activity_id      bigint       not null unique references activity (id),
    track_id         bigint       not null,
    status           varchar(8)   not null check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    created_at       timestamptz  not null default now(),
    sent_at          timestamptz,
    closes_on        date,
    reminders_sent   integer      not null default 0 check (reminders_sent between 0 and 2),
    last_reminder_at timestamptz,
    version          bigint       not null default 0,
    constraint evaluation_sent_ck check (status = 'DRAFT' or (sent_at is not null and closes_on is not null))
);
create index evaluation_project_idx on evaluation (project_id, status);

create table survey_question (
    id              bigint        primary key,
    template_id     bigint        references evaluation_template (id) on delete cascade,
    evaluation_id   bigint        references evaluation (id) on delete cascade,
    position        integer       not null,
    kind            varchar(16)   not null check (kind in ('AGREEMENT_SCALE', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE',
                                                           'NUMBER', 'FREE_TEXT')),
    text_sv         varchar(1000) not null,
    text_en         varchar(1000) not null,
    required        boolean       not null,
    options_sv      text,
    options_en      text,
    statement_key   varchar(40),
    agree_from      integer       not null default 4 check (agree_from between 1 and 5),
    target_percent  integer       not null default 60 check (target_percent between 0 and 100),
    version         bigint        not null default 0,
    constraint survey_question_owner_ck check ((template_id is null) <> (evaluation_id is null)),
    constraint survey_question_statement_ck check (statement_key is null or kind = 'AGREEMENT_SCALE')
);
create index survey_question_template_idx on survey_question (template_id, position);
create index survey_question_evaluation_idx on survey_question (evaluation_id, position);

create table evaluation_invitation (
    id               bigint       primary key,
    evaluation_id    bigint       not null references evaluation (id) on delete cascade,
    person_id        bigint       not null,
    organisation_id  bigint,
    answered         boolean      not null default false,
    constraint evaluation_invitation_once_uq unique (evaluation_id, person_id)
);

-- The links of an invitation, as SHA-256 hashes of their tokens: the invitation mail's and one per reminder (the
-- token itself is never stored, so a reminder needs a new one; the first link keeps working).
create table evaluation_link (
    token_hash     varchar(64)  primary key,
    invitation_id  bigint       not null references evaluation_invitation (id) on delete cascade
);
create index evaluation_link_invitation_idx on evaluation_link (invitation_id);

create table evaluation_response (
    id               uuid        primary key,
    evaluation_id    bigint      not null references evaluation (id) on delete cascade,
    answered_on      date        not null,
    source           varchar(5)  not null check (source in ('WEB', 'PAPER')),
    organisation_id  bigint
);
create index evaluation_response_evaluation_idx on evaluation_response (evaluation_id, answered_on);

-- One row per answered question (several for a multiple choice): a scale step or option number (1-based), a number,
-- or a text.
create table evaluation_answer (
    response_id   uuid           not null references evaluation_response (id) on delete cascade,
    question_id   bigint         not null references survey_question (id) on delete cascade,
    int_value     integer,
    number_value  numeric(12, 2),
    text_value    varchar(4000),
    constraint evaluation_answer_value_ck check (num_nonnulls(int_value, number_value, text_value) = 1)
);
create index evaluation_answer_question_idx on evaluation_answer (question_id);
create index evaluation_answer_response_idx on evaluation_answer (response_id);
