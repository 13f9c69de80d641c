-- Self-service sign-ups waiting for their e-mail address to be confirmed. The anonymous forms (an activity's sign-up
-- link, the dialog fund's sign-in) no longer create accounts or grant roles when they are sent: they leave a row here
-- and mail a one-time link; the account is created, or the role granted, only when that link is used. One row per
-- address (the latest request wins); rows are removed when the link is used and a day after the request at the latest.
create table pending_sign_up (
    email         varchar(320) primary key,
    display_name  varchar(200) not null,
    role          varchar(30)  not null check (role in ('PARTICIPANT', 'APPLICANT')),
    requested_at  timestamptz  not null default now()
);
