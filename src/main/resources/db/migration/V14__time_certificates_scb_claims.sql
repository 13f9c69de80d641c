-- Time that counts, part two: time certificates, the SCB monthly file, claim packs and co-financing per actor.

-- A person with a protected identity (skyddad folkbokföring / sekretessmarkering): SCB's file and the time certificate
-- carry SCB's code (date of birth and a gender code) in place of the personal identity number.
alter table person add column protected_identity boolean not null default false;

-- Who last downloaded a month's SCB file (the month counts as reported once the secretary marks it sent).
alter table time_scb_month add column exported_at timestamptz, add column exported_by bigint references app_user (id);

-- Claim packs: one ZIP per project and range of months, built in the background by whichever instance holds the job
-- lock, kept in chunks of at most 1 MiB so that neither building nor downloading holds the whole file in memory.
create sequence time_claim_pack_seq increment by 50;
create table time_claim_pack (
    id              bigint primary key,
    project_id      bigint        not null references project (id) on delete cascade,
    from_month      date          not null check (extract(day from from_month) = 1),
    to_month        date          not null check (extract(day from to_month) = 1),
    status          varchar(10)   not null default 'QUEUED' check (status in ('QUEUED', 'BUILDING', 'DONE', 'FAILED')),
    steps_done      integer       not null default 0,
    steps_total     integer       not null default 0,
    requested_by    bigint        not null references app_user (id),
    requested_at    timestamptz   not null default now(),
    started_at      timestamptz,
    heartbeat_at    timestamptz,
    finished_at     timestamptz,
    size_bytes      bigint,
    failure         varchar(500),
    constraint time_claim_pack_range_ck check (from_month <= to_month)
);
create index time_claim_pack_project_idx on time_claim_pack (project_id, requested_at desc);
create index time_claim_pack_queue_idx on time_claim_pack (status, requested_at) where status in ('QUEUED', 'BUILDING');

create table time_claim_pack_chunk (
    pack_id  bigint   not null references time_claim_pack (id) on delete cascade,
    seq      integer  not null,
    data     bytea    not null,
    primary key (pack_id, seq)
);

-- What each actor pledged as co-financing through its employees' time in a project: hours, an amount, or both.
create table time_pledge (
    project_id       bigint         not null references project (id) on delete cascade,
    organisation_id  bigint         not null references organisation (id),
    hours            integer        check (hours >= 0),
    amount           numeric(14, 2) check (amount >= 0),
    updated_at       timestamptz    not null default now(),
    updated_by       bigint         references app_user (id),
    version          bigint         not null default 0,
    primary key (project_id, organisation_id),
    constraint time_pledge_some_ck check (hours is not null or amount is not null)
);
