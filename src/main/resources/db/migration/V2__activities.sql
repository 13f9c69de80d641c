-- Activities: what a project offers in its thematic tracks (courses, workshops, conferences, ...), with their
-- sessions, trainers and target groups. The activity owns its capacity and the count of seats taken; the participants
-- module reserves a seat with one conditional update (seats_taken < seats), and the CHECK below keeps the count
-- within the capacity whatever happens.
-- Tracks, target groups and projects belong to the projects module; the foreign keys make their deletion fail while
-- activities use them (the projects module turns that into "in use").

create sequence activity_seq increment by 50;
create table activity (
    id                     bigint primary key,
    project_id             bigint        not null references project (id),
    track_id               bigint        not null references track (id),
    kind                   varchar(30)   not null check (kind in ('COURSE', 'ADVANCED_COURSE', 'WORKSHOP', 'CONFERENCE',
                                                                  'COLLABORATION_FORUM', 'PROCESS_DAY',
                                                                  'DIALOGUE_MEETING', 'NETWORK_MEETING')),
    title                  varchar(200)  not null,
    description            text,
    level                  varchar(20)   not null check (level in ('OPEN', 'BASIC', 'ADVANCED')),
    language               varchar(10)   not null,
    venue_name             varchar(200),
    venue_address          varchar(300),
    venue_city             varchar(100),
    step_free_access       boolean       not null default false,
    hearing_loop           boolean       not null default false,
    accessibility_notes    varchar(1000),
    seats                  integer       not null check (seats >= 1),
    seats_taken            integer       not null default 0,
    target_participants    integer       not null check (target_participants >= 1),
    registration_opens     timestamptz,
    registration_closes    timestamptz   not null,
    cancellation_deadline  timestamptz   not null,
    status                 varchar(12)   not null default 'DRAFT'
                                         check (status in ('DRAFT', 'PUBLISHED', 'COMPLETED', 'CANCELLED')),
    cancel_reason          varchar(1000),
    published_at           timestamptz,
    cancelled_at           timestamptz,
    completed_at           timestamptz,
    -- Kept up to date from the sessions, so that lists and the catalogue sort and filter by date without a join.
    first_start            timestamptz,
    last_end               timestamptz,
    session_count          integer       not null default 0,
    total_minutes          integer       not null default 0,
    -- Free-text search of the public catalogue, with the Swedish dictionary (stemming: "kurser" finds "kurs").
    search_vector          tsvector generated always as (
                               setweight(to_tsvector('swedish', coalesce(title, '')), 'A')
                               || setweight(to_tsvector('swedish', coalesce(description, '')), 'B')
                               || setweight(to_tsvector('swedish', coalesce(venue_name, '') || ' '
                                                                   || coalesce(venue_city, '')), 'C')) stored,
    version                bigint        not null default 0,
    created_at             timestamptz   not null default now(),
    constraint activity_seats_taken_ck check (seats_taken >= 0 and seats_taken <= seats),
    constraint activity_registration_ck check (registration_opens is null or registration_opens <= registration_closes),
    constraint activity_cancel_reason_ck check (status <> 'CANCELLED' or cancel_reason is not null)
);
create index activity_project_idx on activity (project_id, first_start);
create index activity_track_idx on activity (track_id);
create index activity_published_idx on activity (first_start, id) where status = 'PUBLISHED';
create index activity_archive_idx on activity (last_end desc, id) where status in ('PUBLISHED', 'COMPLETED');
create index activity_search_idx on activity using gin (search_vector);

create sequence activity_session_seq increment by 50;
create table activity_session (
    id           bigint primary key,
    activity_id  bigint        not null references activity (id) on delete cascade,
    starts_at    timestamptz   not null,
    ends_at      timestamptz   not null,
    place        varchar(200),
    online_url   varchar(500),
    constraint activity_session_time_ck check (ends_at > starts_at)
);
create index activity_session_activity_idx on activity_session (activity_id, starts_at);
create index activity_session_start_idx on activity_session (starts_at);

create sequence activity_trainer_seq increment by 50;
create table activity_trainer (
    id            bigint primary key,
    activity_id   bigint        not null references activity (id) on delete cascade,
    name          varchar(200)  not null,
    organisation  varchar(200),
    external      boolean       not null,
    gender        varchar(12)   not null check (gender in ('WOMAN', 'MAN', 'NON_BINARY'))
);
create index activity_trainer_activity_idx on activity_trainer (activity_id);

create table activity_target_group (
    activity_id      bigint not null references activity (id) on delete cascade,
    target_group_id  bigint not null references target_group (id),
    primary key (activity_id, target_group_id)
);
create index activity_target_group_group_idx on activity_target_group (target_group_id);
