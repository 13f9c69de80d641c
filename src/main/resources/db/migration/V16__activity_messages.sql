-- Messages a secretary sends to the participants of an activity (issue 19), and to whom each went. A recipient row
-- goes with its sign-up (erasure, retention); the mails themselves are in the outbox under the dedup key
-- 'activity-message:<message id>:<sign-up id>', which is also how the progress of a message is counted.
create sequence activity_message_seq increment by 50;
create table activity_message (
    id           bigint primary key,
    activity_id  bigint        not null references activity (id),
    project_id   bigint        not null references project (id),
    audience     varchar(10)   not null check (audience in ('CONFIRMED', 'WAITING', 'ATTENDED', 'EVERYONE')),
    subject      varchar(200)  not null,
    body         varchar(10000) not null,
    sent_by      varchar(200)  not null,
    sent_at      timestamptz   not null,
    recipients   integer       not null
);
create index activity_message_activity_idx on activity_message (activity_id, sent_at desc);

create table activity_message_recipient (
    message_id  bigint not null references activity_message (id) on delete cascade,
    sign_up_id  bigint not null references sign_up (id) on delete cascade,
    primary key (message_id, sign_up_id)
);
create index activity_message_recipient_sign_up_idx on activity_message_recipient (sign_up_id);
