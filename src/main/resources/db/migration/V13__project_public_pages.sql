-- Public project pages (issue 15): every project gets a readable address (/projects/{slug}) and says under which EU
-- funding rules it is co-funded, which decides the statement shown beside the EU emblem on its public pages.

alter table project add column slug varchar(60);
alter table project add column eu_funding varchar(20) not null default 'ESF_PLUS'
    check (eu_funding in ('NONE', 'ESF_2014_2020', 'ESF_PLUS'));

-- Existing projects: the short name made into a slug (å ä ö as a a o); the id is added where two would clash.
update project set slug = trim(both '-' from regexp_replace(lower(translate(short_name, 'ÅÄÖåäöÉéÜü', 'AAOaaoEeUu')),
                                                             '[^a-z0-9]+', '-', 'g'));
update project set slug = 'projekt-' || id where slug is null or slug = '';
update project p set slug = p.slug || '-' || p.id
where exists (select 1 from project q where q.slug = p.slug and q.id < p.id);
-- Projects of the 2014–2020 programme period (ended before the ESF+ rules) keep the ESF statement of that period.
update project set eu_funding = 'ESF_2014_2020' where end_date < date '2022-01-01';

-- A project inserted without a slug (by SQL, outside the projects module's own code) gets one the same way.
create function project_default_slug() returns trigger language plpgsql as $$
begin
    if new.slug is null or new.slug = '' then
        new.slug := trim(both '-' from regexp_replace(lower(translate(new.short_name, 'ÅÄÖåäöÉéÜü', 'AAOaaoEeUu')),
                                                     '[^a-z0-9]+', '-', 'g'));
        if new.slug = '' then
            new.slug := 'projekt';
        end if;
        new.slug := left(new.slug, 40);
        if exists (select 1 from project where slug = new.slug) then
            new.slug := new.slug || '-' || new.id;
        end if;
    end if;
    return new;
end $$;
create trigger project_default_slug_trg before insert on project for each row execute function project_default_slug();

alter table project alter column slug set not null;
alter table project add constraint project_slug_ck check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
create unique index project_slug_uq on project (slug);
