-- Live progress of a job run, written by the running job once per page (docs/app.md "Run progress"), and the outcome
-- INTERRUPTED for a run whose instance stopped during it (closed when the job next starts).
alter table job_runs add column phase varchar(200);
alter table job_runs add column docs_read int;
alter table job_runs add column docs_acknowledged int;
alter table job_runs add column docs_posted int;
alter table job_runs add column docs_confirmed int;
alter table job_runs add column docs_failed int;
alter table job_runs add column progress_at timestamp with time zone;
alter table job_runs drop constraint job_runs_outcome_ck;
alter table job_runs alter column outcome set data type varchar(12);
alter table job_runs add constraint job_runs_outcome_ck check (outcome in ('OK', 'FAILED', 'SKIPPED', 'INTERRUPTED'));
create index job_runs_job_company_open_idx on job_runs (job, company_uuid, finished_at);
