-- Questions an activity asks at sign-up (issue 19): the secretary writes them in Swedish and English; a question about
-- sensitive data (health, origin, beliefs …) is allowed only when marked as needed for accessibility, with a purpose
-- the form shows. Answers belong to the sign-up and go with it (on delete cascade; erased with the person).
create table sign_up_question (
    id             bigserial primary key,
    activity_id    bigint        not null references activity (id) on delete cascade,
    position       integer       not null,
    kind           varchar(10)   not null check (kind in ('TEXT', 'CHOICE', 'YES_NO')),
    required       boolean       not null default false,
    text_sv        varchar(300)  not null,
    text_en        varchar(300),
    options_sv     varchar(2000),
    options_en     varchar(2000),
    accessibility  boolean       not null default false,
    purpose_sv     varchar(500),
    purpose_en     varchar(500),
    check (not accessibility or purpose_sv is not null)
);
create index sign_up_question_activity_idx on sign_up_question (activity_id, position);

create table sign_up_answer (
    sign_up_id   bigint         not null references sign_up (id) on delete cascade,
    question_id  bigint         not null references sign_up_question (id) on delete cascade,
    answer       varchar(1000)  not null,
    primary key (sign_up_id, question_id)
);
create index sign_up_answer_question_idx on sign_up_answer (question_id);
