-- Payment reversals (docs/posting.md, "Payment confirmations"): when the ERP's paid amount of a report goes down
-- (a payment reversed, bounced, unreconciled) after a PP or CP was sent, an RE confirmation is sent with the reason in
-- additionalMessage. The reason is stored with the row so a confirmation left PENDING by a crash is resent unchanged.
alter table posting_payments drop constraint posting_payments_status_ck;
alter table posting_payments add constraint posting_payments_status_ck check (status in ('PP', 'CP', 'RE'));
alter table posting_payments add column message varchar(1000);
