-- Focus groups (Mobilisering Kalmar län, 2022/00157): a new activity kind. The kind's CHECK constraint is dropped and
-- recreated with every kind the application knows (ActivityKind).
alter table activity drop constraint if exists activity_kind_check;
alter table activity add constraint activity_kind_check check (kind in ('COURSE', 'ADVANCED_COURSE', 'WORKSHOP',
    'CONFERENCE', 'COLLABORATION_FORUM', 'PROCESS_DAY', 'DIALOGUE_MEETING', 'NETWORK_MEETING', 'FOCUS_GROUP'));
