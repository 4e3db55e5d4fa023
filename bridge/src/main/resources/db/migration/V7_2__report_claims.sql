-- Which ledger row posts a Concur report / payment request / cash advance to the ERP (docs/posting.md, "One posting
-- per report"). FIS and the SAE/PRAE extracts carry the same report under different ERP idempotency keys, so the ERP
-- cannot tell them apart: a row claims its report here (primary key: one claim per company, doc type and Concur id)
-- before it is posted, in the same statement on every instance, and a second source finds the first one's claim.
-- A claim whose row ended without a posting that stands (recalled, error-confirmed, reversed, superseded) is taken
-- over by the next row of the report.
create table posting_claims (
    company_uuid    varchar(64)  not null,
    doc_type        varchar(20)  not null,
    concur_id       varchar(100) not null,
    idempotency_key varchar(200) not null,
    claimed_at      timestamp with time zone not null,
    constraint posting_claims_pk primary key (company_uuid, doc_type, concur_id)
);

-- What is already in the ERP holds its claim: the latest posted row of each report.
insert into posting_claims (company_uuid, doc_type, concur_id, idempotency_key, claimed_at)
select d.company_uuid, d.doc_type, d.concur_id, d.idempotency_key, d.updated_at
from posting_documents d
where d.concur_id is not null and d.state in ('POSTED', 'CONFIRMED', 'PAYMENT_CONFIRMED')
  and d.id = (select max(x.id) from posting_documents x
              where x.company_uuid = d.company_uuid and x.doc_type = d.doc_type and x.concur_id = d.concur_id
                and x.state in ('POSTED', 'CONFIRMED', 'PAYMENT_CONFIRMED'));

-- A FIS row whose report was already in the ERP through another row (an extract): that row, whose ERP document
-- the FIS posting confirmation names.
alter table posting_documents add column posted_as_id bigint references posting_documents (id);
