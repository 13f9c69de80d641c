-- A small summary of the time ledger for the dashboard (issue 12/13): per project, employer (the organisation recorded
-- in the ledger month, 0 when none) and month, the whole hours confirmed and not, and how many people had their first
-- month of at least one whole hour with that employer in that month (so the people up to a month are a sum, not a
-- count(distinct) over every person-month). time_summary_person keeps each person's first such month per employer
-- (read only when a month is written). Kept by statement triggers on time_month, so every path that writes the ledger
-- (refresh, confirmations, corrections, merges, erasure, set null of a removed organisation) keeps it current;
-- TimeSummary.rebuild recomputes both from time_month with the same result (TimeSummaryTest).
create table time_summary (
    project_id        bigint  not null,
    employer_key      bigint  not null,
    month             date    not null,
    confirmed_hours   bigint  not null default 0,
    unconfirmed_hours bigint  not null default 0,
    new_people        integer not null default 0,
    primary key (project_id, employer_key, month)
);

create table time_summary_person (
    project_id   bigint not null,
    person_id    bigint not null,
    employer_key bigint not null,
    first_month  date   not null,
    primary key (project_id, person_id, employer_key)
);

create type time_summary_row as (project_id bigint, person_id bigint, employer_key bigint, month date, minutes integer,
                                 confirmed boolean);

create function time_summary_apply(gone time_summary_row[], came time_summary_row[]) returns void
    language plpgsql as $$
declare
    r record;
begin
    -- One writer per project at a time, the lock taken before any summary row (projects in order), so two
    -- transactions never count the same person twice and never wait for each other's summary rows in turn.
    for r in select project_id from (select project_id from unnest(came) union select project_id from unnest(gone)) p
             order by 1
    loop
        perform pg_advisory_xact_lock(20120, r.project_id::int);
    end loop;

    -- Hours: + what came, - what went (rows unchanged by an update cancel out and touch nothing).
    insert into time_summary as s (project_id, employer_key, month, confirmed_hours, unconfirmed_hours)
    select project_id, employer_key, month,
           sum(sign * case when confirmed then minutes / 60 else 0 end),
           sum(sign * case when confirmed then 0 else minutes / 60 end)
    from (select *, 1 as sign from (select * from unnest(came) except all select * from unnest(gone)) a
          union all
          select *, -1 from (select * from unnest(gone) except all select * from unnest(came)) b) d
    group by project_id, employer_key, month
    having sum(sign * case when confirmed then minutes / 60 else 0 end) <> 0
        or sum(sign * case when confirmed then 0 else minutes / 60 end) <> 0
    order by project_id, employer_key, month
    on conflict (project_id, employer_key, month) do update
        set confirmed_hours = s.confirmed_hours + excluded.confirmed_hours,
            unconfirmed_hours = s.unconfirmed_hours + excluded.unconfirmed_hours;

    -- People: for each (project, person, employer) whose months of a whole hour changed, its first such month again.
    for r in
        with keys as (
            select distinct project_id, person_id, employer_key from (
                (select project_id, person_id, employer_key, month, minutes >= 60 from unnest(came)
                 except all select project_id, person_id, employer_key, month, minutes >= 60 from unnest(gone))
                union all
                (select project_id, person_id, employer_key, month, minutes >= 60 from unnest(gone)
                 except all select project_id, person_id, employer_key, month, minutes >= 60 from unnest(came))) k)
        select k.project_id, k.person_id, k.employer_key from keys k order by 1, 2, 3
    loop
        perform time_summary_person_refresh(r.project_id, r.person_id, r.employer_key);
    end loop;

    delete from time_summary
    where project_id in (select project_id from unnest(came) union select project_id from unnest(gone))
      and confirmed_hours = 0 and unconfirmed_hours = 0 and new_people = 0;
end
$$;

create function time_summary_person_refresh(p bigint, who bigint, e bigint) returns void
    language plpgsql as $$
declare
    found_first date;
    stored date;
begin
    select min(month) into found_first from time_month
    where project_id = p and person_id = who and coalesce(employer_organisation_id, 0) = e and minutes >= 60;
    select first_month into stored from time_summary_person
    where project_id = p and person_id = who and employer_key = e;
    if found_first is not distinct from stored then
        return;
    end if;
    if stored is not null then
        update time_summary set new_people = new_people - 1
        where project_id = p and employer_key = e and month = stored;
        delete from time_summary_person where project_id = p and person_id = who and employer_key = e;
    end if;
    if found_first is not null then
        insert into time_summary as s (project_id, employer_key, month, new_people) values (p, e, found_first, 1)
        on conflict (project_id, employer_key, month) do update set new_people = s.new_people + 1;
        insert into time_summary_person (project_id, person_id, employer_key, first_month)
        values (p, who, e, found_first);
    end if;
end
$$;

create function time_summary_changed() returns trigger
    language plpgsql as $$
declare
    gone time_summary_row[] := '{}';
    came time_summary_row[] := '{}';
begin
    if tg_op in ('UPDATE', 'DELETE') then
        gone := array(select row(project_id, person_id, coalesce(employer_organisation_id, 0), month, minutes,
                                 status = 'CONFIRMED')::time_summary_row from old_rows);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        came := array(select row(project_id, person_id, coalesce(employer_organisation_id, 0), month, minutes,
                                 status = 'CONFIRMED')::time_summary_row from new_rows);
    end if;
    perform time_summary_apply(gone, came);
    return null;
end
$$;

create trigger time_summary_inserted after insert on time_month
    referencing new table as new_rows for each statement execute function time_summary_changed();
create trigger time_summary_updated after update on time_month
    referencing old table as old_rows new table as new_rows for each statement execute function time_summary_changed();
create trigger time_summary_deleted after delete on time_month
    referencing old table as old_rows for each statement execute function time_summary_changed();

-- Months already in the ledger.
insert into time_summary_person (project_id, person_id, employer_key, first_month)
select project_id, person_id, coalesce(employer_organisation_id, 0), min(month)
from time_month where minutes >= 60 group by 1, 2, 3;

insert into time_summary (project_id, employer_key, month, confirmed_hours, unconfirmed_hours, new_people)
select project_id, employer_key, month, sum(c), sum(u), sum(n)
from (select project_id, coalesce(employer_organisation_id, 0) as employer_key, month,
             case when status = 'CONFIRMED' then minutes / 60 else 0 end as c,
             case when status = 'CONFIRMED' then 0 else minutes / 60 end as u, 0 as n
      from time_month
      union all
      select project_id, employer_key, first_month, 0, 0, 1 from time_summary_person) x
group by 1, 2, 3
having sum(c) <> 0 or sum(u) <> 0 or sum(n) <> 0;
