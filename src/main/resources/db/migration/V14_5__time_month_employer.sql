-- The participant's employer organisation as it was when the ledger month was written (null: the employer is not a
-- registered organisation), so co-financing per actor is one GROUP BY over the ledger. employer_recorded says whether
-- the snapshot was taken: existing months start without one and the ledger rebuild (nightly, and once at startup)
-- fills it in; nothing is backfilled here, as the ledger may not read the participants' tables.
alter table time_month
    add column employer_organisation_id bigint references organisation (id) on delete set null,
    add column employer_recorded boolean not null default false;

create index time_month_employer_idx on time_month (project_id, employer_organisation_id);
create index time_month_employer_pending_idx on time_month (project_id) where not employer_recorded;
