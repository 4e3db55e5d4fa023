-- Issue 13 (security, tenant isolation): batch ids and report keys are per-company sequences in Concur, so an
-- idempotency key is unique per company only. New extract rows carry the company in their ERP key
-- (sae:<company>:<batch>:<report>); rows recorded before keep theirs (it is what the ERP knows them by) and are found
-- by company and source id. One script for PostgreSQL and H2 in PostgreSQL mode.
alter table posting_documents drop constraint posting_documents_key_uq;
alter table posting_documents add constraint posting_documents_key_uq unique (company_uuid, idempotency_key);
