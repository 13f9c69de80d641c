-- Surveys beyond course evaluations: a competence mapping before training, a follow-up some months after an activity,
-- and ad-hoc surveys. They are rows of the same tables as course evaluations, with a kind, so that they share the
-- questions, links, anonymous responses and suppressed results.
--
-- Anonymity stays as in V6: evaluation_response and evaluation_answer hold no person, token, address or time of day.
-- A response may now also keep the respondent's target group (copied from the invitation or from the answer to a
-- target-group question), for breakdowns never shown under five answers. Only a survey the secretary marks as
-- identified links a response to its invitation, in the separate table evaluation_response_identity.

alter table evaluation
    add column kind             varchar(17)  not null default 'COURSE_EVALUATION'
        check (kind in ('COURSE_EVALUATION', 'MAPPING', 'FOLLOW_UP', 'AD_HOC')),
    add column title_sv         varchar(200),
    add column title_en         varchar(200),
    add column identified       boolean      not null default false,
    add column follow_up_months integer      check (follow_up_months between 1 and 36);
alter table evaluation alter column activity_id drop not null;
alter table evaluation alter column track_id drop not null;
alter table evaluation drop constraint evaluation_activity_id_key;
-- One course evaluation per activity (as before), one follow-up per activity and delay.
create unique index evaluation_course_activity_uq on evaluation (activity_id) where kind = 'COURSE_EVALUATION';
create unique index evaluation_follow_up_uq on evaluation (activity_id, follow_up_months) where kind = 'FOLLOW_UP';
alter table evaluation add constraint evaluation_kind_ck check (case kind
    when 'COURSE_EVALUATION' then activity_id is not null and track_id is not null and not identified
    when 'FOLLOW_UP' then activity_id is not null and follow_up_months is not null
    else activity_id is null and title_sv is not null and title_en is not null end);
create index evaluation_project_kind_idx on evaluation (project_id, kind, status);

-- Templates of each kind; one default per project and kind (a default follow-up template makes a follow-up of every
-- completed activity, that many months after its last session).
alter table evaluation_template
    add column kind             varchar(17) not null default 'COURSE_EVALUATION'
        check (kind in ('COURSE_EVALUATION', 'MAPPING', 'FOLLOW_UP', 'AD_HOC')),
    add column follow_up_months integer     check (follow_up_months between 1 and 36);
drop index evaluation_template_default_uq;
create unique index evaluation_template_default_uq on evaluation_template (project_id, kind) where is_default;

-- New question kinds: a matrix (several statements, the options, on one scale), a ranking of the options, and a
-- choice of at most max_choices options. A matrix's scale is its own (scale_sv/scale_en, one step a line) or the 1-5
-- agreement scale. The options of a choice or ranking may be the project's tracks or target groups (option_source),
-- their ids kept in option order in option_ids, so that answers can be counted per track or group.
alter table survey_question drop constraint survey_question_kind_check;
alter table survey_question add constraint survey_question_kind_check check (kind in ('AGREEMENT_SCALE',
    'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'CHOOSE_UP_TO', 'RANKING', 'MATRIX', 'NUMBER', 'FREE_TEXT'));
alter table survey_question
    add column max_choices   integer     check (max_choices between 1 and 30),
    add column scale_sv      text,
    add column scale_en      text,
    add column option_source varchar(12) check (option_source in ('TRACK', 'TARGET_GROUP')),
    add column option_ids    text,
    add constraint survey_question_max_choices_ck check ((kind = 'CHOOSE_UP_TO') = (max_choices is not null)),
    add constraint survey_question_source_ck check ((option_source is null) = (option_ids is null));

-- Recipients who are not in the person register (an uploaded list). Their name and address are kept only while the
-- survey is open: when it closes they are erased (erased = true), the invitation keeping only its organisation.
create table survey_contact (
    id             bigint       primary key,
    evaluation_id  bigint       not null references evaluation (id) on delete cascade,
    name           varchar(200),
    email          varchar(320),
    employer_name  varchar(200),
    locale         varchar(5)   not null default 'sv',
    erased         boolean      not null default false,
    constraint survey_contact_erased_ck check (erased or (name is not null and email is not null))
);
create unique index survey_contact_email_uq on survey_contact (evaluation_id, lower(email)) where email is not null;

-- An invitation is now for a person of the register or for a contact of the uploaded list, and may know the target
-- group the person was chosen by.
alter table evaluation_invitation alter column person_id drop not null;
alter table evaluation_invitation
    add column contact_id       bigint references survey_contact (id) on delete cascade,
    add column target_group_id  bigint,
    add constraint evaluation_invitation_who_ck check ((person_id is null) <> (contact_id is null));
create unique index evaluation_invitation_contact_uq on evaluation_invitation (contact_id) where contact_id is not null;

alter table evaluation_response add column target_group_id bigint;

-- The position of a value within its answer: the statement of a matrix (1-based), or the place given in a ranking
-- (whose int_value is then the option).
alter table evaluation_answer add column item integer check (item between 1 and 30);

-- Only for surveys the secretary marks as identified (the respondents are told): which invitation a response came from.
create table evaluation_response_identity (
    response_id    uuid   primary key references evaluation_response (id) on delete cascade,
    invitation_id  bigint not null references evaluation_invitation (id) on delete cascade
);

-- Open links: anyone with the link may answer, as often as they like (the page says so), optionally after giving an
-- access code. A link may stand for one actor, whose responses then count for that organisation.
create table survey_open_link (
    id               bigint      primary key,
    evaluation_id    bigint      not null references evaluation (id) on delete cascade,
    organisation_id  bigint,
    token            varchar(43) not null unique,
    access_code      varchar(40),
    created_at       timestamptz not null default now()
);
create unique index survey_open_link_actor_uq on survey_open_link (evaluation_id, coalesce(organisation_id, 0));

-- The invitation and reminder texts the secretary wrote for a survey, per language; without them the portal's own.
create table survey_message (
    evaluation_id  bigint        not null references evaluation (id) on delete cascade,
    purpose        varchar(10)   not null check (purpose in ('INVITATION', 'REMINDER')),
    language       varchar(2)    not null check (language in ('sv', 'en')),
    subject        varchar(200)  not null,
    body           varchar(5000) not null,
    primary key (evaluation_id, purpose, language)
);

-- Interest in a track, a target group or the next run of an activity, from a visitor or participant. One mail is sent
-- when a matching activity is published; then (or when the registration expires) the name and address are erased
-- and the row stays only to be counted in the demand view.
create sequence interest_seq increment by 50;
create table interest_registration (
    id                    bigint       primary key,
    project_id            bigint       not null references project (id) on delete cascade,
    track_id              bigint,
    target_group_id       bigint,
    activity_id           bigint,
    organisation_id       bigint,
    name                  varchar(200),
    email                 varchar(320),
    locale                varchar(5)   not null default 'sv',
    registered_on         date         not null,
    notified_on           date,
    notified_activity_id  bigint,
    erased                boolean      not null default false,
    constraint interest_registration_what_ck check (activity_id is not null and track_id is null and target_group_id is null
        or activity_id is null and (track_id is not null or target_group_id is not null)),
    constraint interest_registration_erased_ck check (erased or (name is not null and email is not null))
);
create index interest_registration_project_idx on interest_registration (project_id, registered_on);
create index interest_registration_waiting_idx on interest_registration (project_id) where notified_on is null and not erased;
create unique index interest_registration_once_uq on interest_registration (project_id, lower(email),
    coalesce(track_id, 0), coalesce(target_group_id, 0), coalesce(activity_id, 0)) where notified_on is null and not erased;
