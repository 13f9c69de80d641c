-- A computed indicator from follow-up surveys: the share of the respondents agreeing with a follow-up statement (such
-- as "I use what I learned at work", key FU_APPLYING), for the whole project or for the follow-ups of one track.
alter table indicator drop constraint indicator_kind_check;
alter table indicator add constraint indicator_kind_check check (kind in ('UNIQUE_PARTICIPANTS',
    'PARTICIPANT_GENDER_SHARE', 'TRAINER_GENDER_SHARE', 'EVALUATION_STATEMENT', 'FOLLOW_UP_STATEMENT', 'ACTIVITIES_HELD',
    'COLLABORATION_PROJECTS_DEVELOPED', 'COLLABORATION_PROJECTS_CARRIED_OUT', 'DIALOG_FUND_APPLICATIONS',
    'DIALOG_FUND_GRANTED', 'DIALOG_FUND_CARRIED_OUT', 'ACTORS_WITH_PLAN', 'PARTICIPANT_HOURS', 'CO_FINANCING_VALUE',
    'MANUAL'));
alter table indicator add column track_id bigint;
