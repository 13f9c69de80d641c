-- Indicators (issue 15): the new computed kinds of Delmål 3 and communication (knowledge items published, newsletters
-- sent, newsletter subscribers), an optional thematic track as the parameter of the knowledge kind, and the
-- secretary's choice of results shown on the public project page.
-- NOTE for whoever adds another kind in a later migration: the kind check below must list every kind, these included.

alter table indicator drop constraint if exists indicator_kind_check;
alter table indicator add constraint indicator_kind_check check (kind in ('UNIQUE_PARTICIPANTS',
    'PARTICIPANT_GENDER_SHARE', 'TRAINER_GENDER_SHARE', 'EVALUATION_STATEMENT', 'FOLLOW_UP_STATEMENT', 'ACTIVITIES_HELD',
    'COLLABORATION_PROJECTS_DEVELOPED', 'COLLABORATION_PROJECTS_CARRIED_OUT', 'DIALOG_FUND_APPLICATIONS',
    'DIALOG_FUND_GRANTED', 'DIALOG_FUND_CARRIED_OUT', 'ACTORS_WITH_PLAN', 'PARTICIPANT_HOURS', 'CO_FINANCING_VALUE',
    'KNOWLEDGE_ITEMS_PUBLISHED', 'NEWSLETTERS_SENT', 'NEWSLETTER_SUBSCRIBERS', 'MANUAL'));

-- track_id came with V12_1 (follow-up statements per track); the knowledge kind uses it too.
alter table indicator add constraint indicator_track_fk foreign key (track_id) references track (id) on delete set null;
alter table indicator add column published boolean not null default false;
create index indicator_published_idx on indicator (project_id) where published;
