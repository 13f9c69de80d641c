-- A small summary of the attendance for the dashboard's participant figures (issue 13): per project, person and
-- sign-up (with its activity) the first and last date the person attended a session of that sign-up
-- (participant_span), and the same per month (participant_month). A sign-up counts in [from, to] when its span's first
-- date is inside it (and that date's month is the person's first month in the period); only a sign-up that began
-- before the period and lasted into it needs its months: one that overlaps the period with its first or last date
-- inside it counts, and only a month holding the whole period strictly between those dates needs the attendance rows
-- (one index probe). Kept by statement triggers on attendance, so every path that writes attendance (the sheet, trainers,
-- check-in, corrections, merges, erasure, a removed session's cascade) keeps it current; ParticipantSummary.rebuild
-- recomputes a project's rows from the attendance with the same result (ParticipantSummaryTest).
create table participant_month (
    project_id  bigint not null,
    month       date   not null,
    person_id   bigint not null,
    sign_up_id  bigint not null,
    activity_id bigint not null,
    first_date  date   not null,
    last_date   date   not null,
    primary key (project_id, person_id, sign_up_id, month, activity_id)
);

create table participant_span (
    project_id  bigint not null,
    person_id   bigint not null,
    sign_up_id  bigint not null,
    activity_id bigint not null,
    first_date  date   not null,
    last_date   date   not null,
    primary key (project_id, person_id, sign_up_id, activity_id)
);

create type participant_month_key as (project_id bigint, month date, person_id bigint, sign_up_id bigint);

create function participant_month_refresh(keys participant_month_key[]) returns void
    language plpgsql as $$
declare
    r record;
begin
    -- One writer per project at a time, the lock taken before any summary row (projects in order), so a row is never
    -- recomputed from a snapshot that misses another writer's attendance. It is the ledger summary's lock (V20_1):
    -- a correction writes time_month before attendance, the attendance sheet attendance before time_month, and one
    -- lock per project taken first by either cannot deadlock with the other (a transaction may take it again).
    for r in select distinct project_id from unnest(keys) order by 1
    loop
        perform pg_advisory_xact_lock(20120, r.project_id::int);
    end loop;

    delete from participant_month s
    using (select distinct * from unnest(keys)) k
    where s.project_id = k.project_id and s.month = k.month and s.person_id = k.person_id
      and s.sign_up_id = k.sign_up_id;

    insert into participant_month (project_id, month, person_id, sign_up_id, activity_id, first_date, last_date)
    select a.project_id, k.month, a.person_id, a.sign_up_id, a.activity_id, min(a.session_date), max(a.session_date)
    from (select distinct * from unnest(keys)) k
    join attendance a on a.person_id = k.person_id and a.sign_up_id = k.sign_up_id and a.project_id = k.project_id
                     and a.session_date >= k.month and a.session_date < k.month + interval '1 month'
    where a.attended
    group by a.project_id, k.month, a.person_id, a.sign_up_id, a.activity_id
    order by 1, 3, 4, 2, 5;

    delete from participant_span s
    using (select distinct project_id, person_id, sign_up_id from unnest(keys)) k
    where s.project_id = k.project_id and s.person_id = k.person_id and s.sign_up_id = k.sign_up_id;

    insert into participant_span (project_id, person_id, sign_up_id, activity_id, first_date, last_date)
    select m.project_id, m.person_id, m.sign_up_id, m.activity_id, min(m.first_date), max(m.last_date)
    from (select distinct project_id, person_id, sign_up_id from unnest(keys)) k
    join participant_month m on m.project_id = k.project_id and m.person_id = k.person_id and m.sign_up_id = k.sign_up_id
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4;
end
$$;

create function participant_month_changed() returns trigger
    language plpgsql as $$
declare
    gone participant_month_key[] := '{}';
    came participant_month_key[] := '{}';
begin
    if tg_op in ('UPDATE', 'DELETE') then
        gone := array(select distinct row(project_id, date_trunc('month', session_date)::date, person_id,
                                          sign_up_id)::participant_month_key from old_rows where attended);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        came := array(select distinct row(project_id, date_trunc('month', session_date)::date, person_id,
                                          sign_up_id)::participant_month_key from new_rows where attended);
    end if;
    if cardinality(gone) + cardinality(came) > 0 then
        perform participant_month_refresh(gone || came);
    end if;
    return null;
end
$$;

create trigger participant_month_inserted after insert on attendance
    referencing new table as new_rows for each statement execute function participant_month_changed();
create trigger participant_month_updated after update on attendance
    referencing old table as old_rows new table as new_rows for each statement execute function participant_month_changed();
create trigger participant_month_deleted after delete on attendance
    referencing old table as old_rows for each statement execute function participant_month_changed();

-- The project's rows recomputed from its attendance (under the same lock).
create function participant_month_rebuild(p bigint) returns void
    language plpgsql as $$
begin
    perform pg_advisory_xact_lock(20120, p::int);
    delete from participant_month where project_id = p;
    insert into participant_month (project_id, month, person_id, sign_up_id, activity_id, first_date, last_date)
    select project_id, date_trunc('month', session_date)::date, person_id, sign_up_id, activity_id,
           min(session_date), max(session_date)
    from attendance where project_id = p and attended
    group by 1, 2, 3, 4, 5;
    delete from participant_span where project_id = p;
    insert into participant_span (project_id, person_id, sign_up_id, activity_id, first_date, last_date)
    select project_id, person_id, sign_up_id, activity_id, min(first_date), max(last_date)
    from participant_month where project_id = p
    group by 1, 2, 3, 4;
end
$$;

-- Attendance already recorded.
insert into participant_month (project_id, month, person_id, sign_up_id, activity_id, first_date, last_date)
select project_id, date_trunc('month', session_date)::date, person_id, sign_up_id, activity_id,
       min(session_date), max(session_date)
from attendance where attended
group by 1, 2, 3, 4, 5;

insert into participant_span (project_id, person_id, sign_up_id, activity_id, first_date, last_date)
select project_id, person_id, sign_up_id, activity_id, min(first_date), max(last_date)
from participant_month
group by 1, 2, 3, 4;
