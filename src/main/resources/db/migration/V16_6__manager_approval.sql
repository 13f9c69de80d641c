-- Manager approval (issue 19): with approval_days set, a sign-up names the participant's manager, who approves or
-- declines by a single-use link. A sign-up that got a seat is PENDING meanwhile: it holds the seat (counted in
-- activity.seats_taken like a confirmed one) for approval_days, then the job releases it. One approval per sign-up.
alter table sign_up_settings add column approval_days integer check (approval_days between 1 and 30);

alter table sign_up drop constraint sign_up_status_check;
alter table sign_up add constraint sign_up_status_check
    check (status in ('CONFIRMED', 'WAITING', 'CANCELLED', 'PENDING'));

create table manager_approval (
    id             bigserial primary key,
    sign_up_id     bigint        not null unique references sign_up (id) on delete cascade,
    activity_id    bigint        not null references activity (id),
    manager_email  varchar(320)  not null,
    token          varchar(43)   not null unique,
    status         varchar(10)   not null check (status in ('OPEN', 'APPROVED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')),
    requested_at   timestamptz   not null,
    expires_at     timestamptz   not null,
    answered_at    timestamptz
);
create index manager_approval_due_idx on manager_approval (expires_at) where status = 'OPEN';
