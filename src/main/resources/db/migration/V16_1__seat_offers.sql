-- Per-activity sign-up settings the participants module keeps (issue 19), and waiting-list offers: with offer_hours
-- set, a freed seat is held for the first person waiting for that many hours. An OPEN offer holds one seat, counted in
-- activity.seats_taken like a confirmed sign-up; one open offer per sign-up at most.
create table sign_up_settings (
    activity_id  bigint primary key references activity (id) on delete cascade,
    offer_hours  integer check (offer_hours between 1 and 336),
    version      bigint not null default 0
);

create sequence seat_offer_seq increment by 50;
create table seat_offer (
    id           bigint primary key,
    sign_up_id   bigint       not null references sign_up (id) on delete cascade,
    activity_id  bigint       not null references activity (id),
    token        varchar(43)  not null unique,
    status       varchar(10)  not null check (status in ('OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')),
    offered_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    answered_at  timestamptz
);
create unique index seat_offer_open_uq on seat_offer (sign_up_id) where status = 'OPEN';
create index seat_offer_due_idx on seat_offer (expires_at) where status = 'OPEN';
create index seat_offer_activity_idx on seat_offer (activity_id, status);
