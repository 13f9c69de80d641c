-- The newsletter (issue 15): subscribers per project with double opt-in (the consent time is when the address was
-- confirmed), issues drafted by the portal and edited by the secretary, written to the outbox in batches.
-- An unsubscribed address is erased after a set time; the row stays, without address or tokens, so that the number
-- of subscribers over time (an indicator) stays right.

create sequence newsletter_subscriber_seq increment by 50;
create table newsletter_subscriber (
    id                  bigint primary key,
    project_id          bigint        not null references project (id) on delete cascade,
    email               varchar(320),
    locale              varchar(5)    not null default 'sv' check (locale in ('sv', 'en')),
    status              varchar(14)   not null check (status in ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
    source              varchar(10)   not null check (source in ('WEB', 'PROFILE')),
    user_id             bigint,
    confirm_token_hash  varchar(64),
    confirm_expires_at  timestamptz,
    unsubscribe_token   varchar(64),
    requested_at        timestamptz   not null,
    consent_at          timestamptz,
    unsubscribed_at     timestamptz,
    erased_at           timestamptz,
    version             bigint        not null default 0,
    constraint newsletter_subscriber_confirmed_ck check (status = 'PENDING' or consent_at is not null),
    constraint newsletter_subscriber_erased_ck check (erased_at is null
        or (email is null and unsubscribe_token is null and confirm_token_hash is null))
);
create unique index newsletter_subscriber_email_uq on newsletter_subscriber (project_id, lower(email))
    where email is not null;
create unique index newsletter_subscriber_unsubscribe_uq on newsletter_subscriber (unsubscribe_token)
    where unsubscribe_token is not null;
create unique index newsletter_subscriber_confirm_uq on newsletter_subscriber (confirm_token_hash)
    where confirm_token_hash is not null;
create index newsletter_subscriber_send_idx on newsletter_subscriber (project_id, id) where status = 'CONFIRMED';
create index newsletter_subscriber_erase_idx on newsletter_subscriber (unsubscribed_at)
    where status = 'UNSUBSCRIBED' and erased_at is null;
create index newsletter_subscriber_user_idx on newsletter_subscriber (user_id) where user_id is not null;

create sequence newsletter_issue_seq increment by 50;
create table newsletter_issue (
    id                    bigint primary key,
    project_id            bigint        not null references project (id) on delete cascade,
    number                integer       not null check (number > 0),
    subject               varchar(200)  not null,
    intro                 text          not null default '',
    status                varchar(10)   not null check (status in ('DRAFT', 'SENDING', 'SENT')),
    window_from           timestamptz   not null,
    window_to             timestamptz   not null,
    created_by            bigint,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    send_requested_by     bigint,
    send_requested_at     timestamptz,
    recipients            integer,
    queued                integer       not null default 0,
    cursor_subscriber_id  bigint        not null default 0,
    sent_at               timestamptz,
    version               bigint        not null default 0,
    constraint newsletter_issue_number_uq unique (project_id, number),
    constraint newsletter_issue_window_ck check (window_to > window_from),
    constraint newsletter_issue_sent_ck check (status <> 'SENT' or sent_at is not null)
);
create index newsletter_issue_project_idx on newsletter_issue (project_id, number desc);
create index newsletter_issue_sending_idx on newsletter_issue (id) where status = 'SENDING';

create sequence newsletter_item_seq increment by 50;
create table newsletter_item (
    id           bigint primary key,
    issue_id     bigint        not null references newsletter_issue (id) on delete cascade,
    kind         varchar(10)   not null check (kind in ('ACTIVITY', 'EXTERNAL', 'KNOWLEDGE')),
    position     integer       not null,
    track_id     bigint,
    ref_id       bigint,
    title        varchar(200)  not null,
    when_text    varchar(100),
    organiser    varchar(200),
    description  varchar(1000),
    url          varchar(500)  check (url is null or url ~ '^(https?://|/)'),
    constraint newsletter_item_ref_ck check (kind = 'EXTERNAL' or ref_id is not null)
);
create index newsletter_item_issue_idx on newsletter_item (issue_id, kind, position);
create index newsletter_item_ref_idx on newsletter_item (kind, ref_id) where ref_id is not null;
