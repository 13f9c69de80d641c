-- The knowledge bank (issue 15): articles, method descriptions, good examples and training material per project and
-- thematic track, written in Markdown, reviewed and published open to all with a licence. An item made from a
-- dialog-fund final report or a collaboration project records whose consent allows its publication.

create sequence knowledge_item_seq increment by 50;
create table knowledge_item (
    id                   bigint primary key,
    project_id           bigint        not null references project (id) on delete cascade,
    track_id             bigint        references track (id) on delete set null,
    kind                 varchar(20)   not null check (kind in ('ARTICLE', 'METHOD', 'GOOD_EXAMPLE', 'MATERIAL')),
    title                varchar(200)  not null,
    summary              varchar(600)  not null,
    body                 text          not null default '',
    authors              varchar(500)  not null,
    licence              varchar(20)   not null default 'CC_BY_4_0'
                                       check (licence in ('CC_BY_4_0', 'CC_BY_SA_4_0', 'CC_BY_NC_4_0', 'CC0_1_0',
                                                          'ALL_RIGHTS_RESERVED')),
    status               varchar(12)   not null default 'DRAFT' check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED')),
    source_kind          varchar(20)   check (source_kind in ('FINAL_REPORT', 'COLLABORATION')),
    source_id            bigint,
    consent_given_by     varchar(200),
    consent_given_on     date,
    consent_note         varchar(500),
    consent_recorded_by  bigint,
    consent_recorded_at  timestamptz,
    created_by           bigint,
    created_at           timestamptz   not null default now(),
    updated_at           timestamptz   not null default now(),
    submitted_by         bigint,
    submitted_at         timestamptz,
    review_comment       varchar(2000),
    published_by         bigint,
    first_published_at   timestamptz,
    published_at         timestamptz,
    search_vector        tsvector generated always as (
                             setweight(to_tsvector('swedish', coalesce(title, '')), 'A')
                             || setweight(to_tsvector('swedish', coalesce(summary, '') || ' ' || coalesce(authors, '')), 'B')
                             || setweight(to_tsvector('swedish', coalesce(body, '')), 'C')) stored,
    version              bigint        not null default 0,
    constraint knowledge_item_source_ck check ((source_kind is null) = (source_id is null)),
    constraint knowledge_item_consent_ck check (source_kind is null
        or (consent_given_by is not null and consent_given_on is not null and consent_recorded_at is not null)),
    constraint knowledge_item_published_ck check (status <> 'PUBLISHED'
        or (published_at is not null and first_published_at is not null))
);
create unique index knowledge_item_source_uq on knowledge_item (source_kind, source_id) where source_kind is not null;
create index knowledge_item_project_idx on knowledge_item (project_id, status, updated_at desc);
create index knowledge_item_public_idx on knowledge_item (published_at desc, id desc) where status = 'PUBLISHED';
create index knowledge_item_search_idx on knowledge_item using gin (search_vector);

create table knowledge_video (
    item_id   bigint        not null references knowledge_item (id) on delete cascade,
    position  integer       not null,
    title     varchar(200)  not null,
    url       varchar(500)  not null check (url ~ '^https://'),
    primary key (item_id, position)
);

create table knowledge_activity (
    item_id      bigint not null references knowledge_item (id) on delete cascade,
    activity_id  bigint not null,
    primary key (item_id, activity_id)
);

create sequence knowledge_attachment_seq increment by 50;
create table knowledge_attachment (
    id            bigint primary key,
    item_id       bigint        not null references knowledge_item (id) on delete cascade,
    filename      varchar(200)  not null,
    content_type  varchar(120)  not null,
    size_bytes    bigint        not null check (size_bytes > 0),
    summary       varchar(2000) not null check (length(trim(summary)) > 0),
    created_at    timestamptz   not null default now()
);
create index knowledge_attachment_item_idx on knowledge_attachment (item_id, id);

create table knowledge_attachment_content (
    attachment_id  bigint primary key references knowledge_attachment (id) on delete cascade,
    content        bytea  not null
);
