-- The participant figures from a per-person summary (issue 13), replacing V24_1's per-sign-up summary, whose rows grew
-- with every sign-up (ten times the sign-ups made the dashboard five times slower).
--
-- participant_days: per project, person, track and target group (0: none given at sign-up) the days the person
-- attended, as a date multirange, with its first and last day. A person counts in a period [from, to] when their days
-- overlap it (days && daterange(from, to, '[]')), once per track and target group they attended in it.
-- participant_person: the same per project and person (the union of their rows), for the figures that count each
-- person once: how many, by gender, by employer, and new per month (the month of their first day in the period).
--
-- The track is the activity's, copied onto each attendance row when it is written (as the activity and project already
-- are) and kept current when an activity moves to another track (ActivityTrackChanged, participants/domain/ActivityEvents).
-- Both tables are kept by statement triggers on attendance (every path that writes attendance: the sheet, trainers,
-- check-in, corrections, merges and their undoing, erasure, a removed session's cascade) and by a row trigger on a
-- sign-up's target group; participant_days_rebuild recomputes a project's rows with the same result
-- (ParticipantSummaryTest).

drop trigger participant_month_inserted on attendance;
drop trigger participant_month_updated on attendance;
drop trigger participant_month_deleted on attendance;
drop function participant_month_changed();
drop function participant_month_rebuild(bigint);
drop function participant_month_refresh(participant_month_key[]);
drop type participant_month_key;
drop table participant_month;
drop table participant_span;

alter table attendance add column track_id bigint;
-- Once, for the attendance already recorded: from then on the writer copies it, like activity_id and project_id.
update attendance a set track_id = x.track_id from activity x where x.id = a.activity_id;
alter table attendance alter column track_id set not null;

create table participant_days (
    project_id       bigint         not null,
    person_id        bigint         not null,
    track_id         bigint         not null,
    target_group_key bigint         not null,
    first_date       date           not null,
    last_date        date           not null,
    days             datemultirange not null,
    primary key (project_id, person_id, track_id, target_group_key)
);

create table participant_person (
    project_id bigint         not null,
    person_id  bigint         not null,
    first_date date           not null,
    last_date  date           not null,
    days       datemultirange not null,
    primary key (project_id, person_id)
);

create type participant_key as (project_id bigint, person_id bigint);

-- The rows of the given project-person pairs recomputed from their attendance.
create function participant_days_refresh(keys participant_key[]) returns void
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

    delete from participant_days d
    using (select distinct * from unnest(keys)) k
    where d.project_id = k.project_id and d.person_id = k.person_id;
    insert into participant_days (project_id, person_id, track_id, target_group_key, first_date, last_date, days)
    select a.project_id, a.person_id, a.track_id, coalesce(s.target_group_id, 0), min(a.session_date),
           max(a.session_date), range_agg(daterange(a.session_date, a.session_date, '[]'))
    from (select distinct * from unnest(keys)) k
    join attendance a on a.person_id = k.person_id and a.project_id = k.project_id
    join sign_up s on s.id = a.sign_up_id
    where a.attended
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4;

    delete from participant_person d
    using (select distinct * from unnest(keys)) k
    where d.project_id = k.project_id and d.person_id = k.person_id;
    insert into participant_person (project_id, person_id, first_date, last_date, days)
    select d.project_id, d.person_id, min(d.first_date), max(d.last_date), range_agg(d.days)
    from (select distinct * from unnest(keys)) k
    join participant_days d on d.project_id = k.project_id and d.person_id = k.person_id
    group by 1, 2
    order by 1, 2;
end
$$;

create function participant_days_changed() returns trigger
    language plpgsql as $$
declare
    gone participant_key[] := '{}';
    came participant_key[] := '{}';
begin
    if tg_op in ('UPDATE', 'DELETE') then
        gone := array(select distinct row(project_id, person_id)::participant_key from old_rows where attended);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        came := array(select distinct row(project_id, person_id)::participant_key from new_rows where attended);
    end if;
    if cardinality(gone) + cardinality(came) > 0 then
        perform participant_days_refresh(gone || came);
    end if;
    return null;
end
$$;

create trigger participant_days_inserted after insert on attendance
    referencing new table as new_rows for each statement execute function participant_days_changed();
create trigger participant_days_updated after update on attendance
    referencing old table as old_rows new table as new_rows for each statement execute function participant_days_changed();
create trigger participant_days_deleted after delete on attendance
    referencing old table as old_rows for each statement execute function participant_days_changed();

-- A sign-up's target group changed (rare, and free on every other update of a sign-up: the WHEN clause is checked
-- without calling the function): its person's rows in the project are recomputed.
create function participant_days_sign_up_changed() returns trigger
    language plpgsql as $$
begin
    perform participant_days_refresh(array[row(new.project_id, new.person_id)::participant_key]);
    return null;
end
$$;

create trigger participant_days_target_group after update of target_group_id on sign_up
    for each row when (old.target_group_id is distinct from new.target_group_id)
    execute function participant_days_sign_up_changed();

-- The project's rows recomputed from its attendance (under the same lock).
create function participant_days_rebuild(p bigint) returns void
    language plpgsql as $$
begin
    perform pg_advisory_xact_lock(20120, p::int);
    delete from participant_days where project_id = p;
    insert into participant_days (project_id, person_id, track_id, target_group_key, first_date, last_date, days)
    select a.project_id, a.person_id, a.track_id, coalesce(s.target_group_id, 0), min(a.session_date),
           max(a.session_date), range_agg(daterange(a.session_date, a.session_date, '[]'))
    from attendance a join sign_up s on s.id = a.sign_up_id
    where a.project_id = p and a.attended
    group by 1, 2, 3, 4;
    delete from participant_person where project_id = p;
    insert into participant_person (project_id, person_id, first_date, last_date, days)
    select project_id, person_id, min(first_date), max(last_date), range_agg(days)
    from participant_days where project_id = p
    group by 1, 2;
end
$$;

-- Attendance already recorded.
insert into participant_days (project_id, person_id, track_id, target_group_key, first_date, last_date, days)
select a.project_id, a.person_id, a.track_id, coalesce(s.target_group_id, 0), min(a.session_date),
       max(a.session_date), range_agg(daterange(a.session_date, a.session_date, '[]'))
from attendance a join sign_up s on s.id = a.sign_up_id
where a.attended
group by 1, 2, 3, 4;

insert into participant_person (project_id, person_id, first_date, last_date, days)
select project_id, person_id, min(first_date), max(last_date), range_agg(days)
from participant_days
group by 1, 2;
