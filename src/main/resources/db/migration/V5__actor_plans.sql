-- Each actor's plan for its further work on the project's theme (Delmål 3), one per project and organisation.
create table actor_plan (
    project_id       bigint       not null references project (id) on delete cascade,
    organisation_id  bigint       not null references organisation (id),
    plan_text        text         not null,
    filed_at         timestamptz,
    updated_at       timestamptz  not null,
    updated_by       bigint,
    version          bigint       not null default 0,
    primary key (project_id, organisation_id)
);
