-- Each actor's plan for its further work on the project's theme (Delmål 3), one per project and organisation: a text
-- and, optionally, an attached document (PDF or Word, recognised by its content). The document's bytes are kept in a
-- table of their own so that lists of plans never load them.
create table actor_plan (
    project_id           bigint       not null references project (id) on delete cascade,
    organisation_id      bigint       not null references organisation (id),
    plan_text            text         not null,
    filed_at             timestamptz,
    filed_by             bigint references app_user (id),
    updated_at           timestamptz  not null,
    updated_by           bigint references app_user (id),
    document_filename    varchar(200),
    document_type        varchar(100),
    document_size        integer check (document_size > 0 and document_size <= 10485760),
    document_uploaded_at timestamptz,
    version              bigint       not null default 0,
    primary key (project_id, organisation_id),
    constraint actor_plan_document_ck check ((document_filename is null) = (document_type is null)
                                             and (document_filename is null) = (document_size is null))
);
create index actor_plan_organisation_idx on actor_plan (organisation_id);

create table actor_plan_document (
    project_id       bigint not null,
    organisation_id  bigint not null,
    content          bytea  not null,
    primary key (project_id, organisation_id),
    foreign key (project_id, organisation_id) references actor_plan (project_id, organisation_id) on delete cascade
);
