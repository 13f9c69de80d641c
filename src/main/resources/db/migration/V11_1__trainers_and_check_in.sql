-- Trainers record attendance: the TRAINER role, a trainer of an activity linked to a user account (set by the
-- project's secretary), and a check-in code per sign-up that the participant shows as a QR code (in the
-- confirmation mail and in "Mina aktiviteter") and the trainer scans or types.

alter table app_user_role drop constraint if exists app_user_role_role_check;
alter table app_user_role add constraint app_user_role_role_check
    check (role in ('ADMIN', 'SECRETARY', 'STEERING', 'ACTOR_CONTACT', 'PARTICIPANT', 'APPLICANT', 'TRAINER'));

alter table activity_trainer add column user_id bigint references app_user (id);
create index activity_trainer_user_idx on activity_trainer (user_id) where user_id is not null;

-- Twelve hexadecimal digits (48 random bits), shown as XXXX-XXXX-XXXX; the default gives every sign-up one, however it
-- is inserted.
alter table sign_up add column check_in_code varchar(12)
    default upper(substr(md5(random()::text || clock_timestamp()::text), 1, 12));
alter table sign_up alter column check_in_code set not null;
create unique index sign_up_check_in_code_uq on sign_up (check_in_code);
