-- Demo master data for the SQL interface tables (schema ${schema}). Applied only when erp.sql.seed-demo=true,
-- tracked in its own history table, so a production staging database is never seeded.
INSERT INTO ${schema}.account (code, name, kind, partner_required, active) VALUES
 ('1200', 'Bank',                                 'ASSET',      FALSE, TRUE),
 ('1410', 'Input VAT 19%',                        'TAX',        FALSE, TRUE),
 ('1420', 'Input VAT 7%',                         'TAX',        FALSE, TRUE),
 ('1590', 'Corporate card clearing',              'CLEARING',   FALSE, TRUE),
 ('1600', 'Cash advances to employees',           'RECEIVABLE', TRUE,  TRUE),
 ('2000', 'Accounts payable - suppliers',         'PAYABLE',    TRUE,  TRUE),
 ('2100', 'Employee payable',                     'PAYABLE',    TRUE,  TRUE),
 ('2110', 'Employee receivable (personal charges)','RECEIVABLE', TRUE,  TRUE),
 ('2200', 'Card vendor payable',                  'PAYABLE',    TRUE,  TRUE),
 ('6000', 'Travel - airfare and rail',            'EXPENSE',    FALSE, TRUE),
 ('6010', 'Travel - hotel',                       'EXPENSE',    FALSE, TRUE),
 ('6020', 'Meals and entertainment',              'EXPENSE',    FALSE, TRUE),
 ('6030', 'Mileage',                              'EXPENSE',    FALSE, TRUE),
 ('6040', 'Car rental and taxi',                  'EXPENSE',    FALSE, TRUE),
 ('6100', 'Office supplies',                      'EXPENSE',    FALSE, TRUE),
 ('6200', 'Consulting services',                  'EXPENSE',    FALSE, TRUE),
 ('6900', 'Miscellaneous expenses',               'EXPENSE',    FALSE, TRUE),
 ('6990', 'Old travel account (closed)',          'EXPENSE',    FALSE, FALSE);

INSERT INTO ${schema}.tax_code (code, name, rate, account_code, active) VALUES
 ('VAT19', 'Input VAT 19%', 19.0000, '1410', TRUE),
 ('VAT7',  'Input VAT 7%',   7.0000, '1420', TRUE),
 ('VAT0',  'Exempt',         0.0000, NULL,   TRUE);

INSERT INTO ${schema}.employee (code, name, active) VALUES
 ('E1001', 'Chris Miller',   TRUE),
 ('E1002', 'Dana Schmidt',   TRUE),
 ('E1003', 'Alex Dubois',    TRUE),
 ('E1099', 'Former Employee', FALSE);

INSERT INTO ${schema}.supplier (code, name, tax_id, payment_terms, currency, street, city, postal_code, region,
                                country, bank_account_number, bank_bic, bank_name, active, updated_at) VALUES
 ('S100', 'ACME Supplies Ltd', 'DE123456788', 'NET30', 'EUR', 'Industrieweg 5', 'Hamburg', '20095', 'HH', 'DE',
  'DE89370400440532013000', 'COBADEFFXXX', 'Probe Bank AG', TRUE, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00'),
 ('S200', 'Globex Consulting GmbH', 'DE811907980', 'NET14', 'EUR', 'Leopoldstr. 10', 'Munich', '80802', 'BY', 'DE',
  'DE02120300000000202051', 'BYLADEM1001', 'Deutsche Kreditbank', TRUE, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00'),
 ('S300', 'Initech Office Furniture SARL', 'FR40303265045', 'NET30', 'EUR', '12 rue de la Paix', 'Paris', '75002', NULL, 'FR',
  'FR1420041010050500013M02606', 'PSSTFRPPPAR', 'La Banque Postale', TRUE, TIMESTAMP WITH TIME ZONE '2026-01-06 10:30:00+00'),
 ('S400', 'Umbrella Travel Inc.', '12-3456789', 'NET45', 'USD', '500 Market St', 'San Francisco', '94105', 'CA', 'US',
  NULL, NULL, NULL, TRUE, TIMESTAMP WITH TIME ZONE '2026-01-06 10:30:00+00'),
 ('S900', 'American Express (corporate card)', NULL, 'NET15', 'EUR', 'Theodor-Heuss-Allee 112', 'Frankfurt', '60486', 'HE', 'DE',
  NULL, NULL, NULL, TRUE, TIMESTAMP WITH TIME ZONE '2026-01-07 08:00:00+00');

INSERT INTO ${schema}.cost_object (dimension, code, name, parent_code, active, updated_at) VALUES
 ('COST_CENTER', 'CC1000', 'Company',              NULL,     TRUE,  TIMESTAMP WITH TIME ZONE '2026-01-02 08:00:00+00'),
 ('COST_CENTER', 'CC1100', 'Sales',                'CC1000', TRUE,  TIMESTAMP WITH TIME ZONE '2026-01-02 08:00:00+00'),
 ('COST_CENTER', 'CC1110', 'Sales - DACH',         'CC1100', TRUE,  TIMESTAMP WITH TIME ZONE '2026-01-02 08:00:00+00'),
 ('COST_CENTER', 'CC1200', 'IT',                   'CC1000', TRUE,  TIMESTAMP WITH TIME ZONE '2026-01-02 08:00:00+00'),
 ('COST_CENTER', 'CC1300', 'Finance',              'CC1000', TRUE,  TIMESTAMP WITH TIME ZONE '2026-01-02 08:00:00+00'),
 ('COST_CENTER', 'CC1900', 'Closed branch office', 'CC1000', FALSE, TIMESTAMP WITH TIME ZONE '2026-01-03 08:00:00+00'),
 ('PROJECT',     'P-100',  'ERP integration rollout', NULL,  TRUE,  TIMESTAMP WITH TIME ZONE '2026-01-04 08:00:00+00'),
 ('PROJECT',     'P-110',  'Concur connector',     'P-100',  TRUE,  TIMESTAMP WITH TIME ZONE '2026-01-04 08:00:00+00'),
 ('PROJECT',     'P-200',  'Office move 2026',     NULL,     TRUE,  TIMESTAMP WITH TIME ZONE '2026-01-04 08:00:00+00');

INSERT INTO ${schema}.purchase_order (number, supplier_code, order_date, currency, status, description,
        bill_to_street, bill_to_city, bill_to_postal_code, bill_to_region, bill_to_country,
        ship_to_street, ship_to_city, ship_to_postal_code, ship_to_region, ship_to_country, updated_at) VALUES
 ('PO-1001', 'S100', DATE '2026-01-10', 'EUR', 'OPEN', 'Printer paper and toner',
  'Hauptstr. 1', 'Berlin', '10115', 'BE', 'DE', 'Lagerweg 3', 'Berlin', '10117', 'BE', 'DE',
  TIMESTAMP WITH TIME ZONE '2026-01-10 12:00:00+00'),
 ('PO-1002', 'S300', DATE '2026-01-12', 'EUR', 'OPEN', 'Desks for the new office',
  'Hauptstr. 1', 'Berlin', '10115', 'BE', 'DE', 'Hauptstr. 1', 'Berlin', '10115', 'BE', 'DE',
  TIMESTAMP WITH TIME ZONE '2026-01-12 12:00:00+00'),
 ('PO-1003', 'S200', DATE '2026-01-14', 'EUR', 'CLOSED', 'Integration consulting, January',
  'Hauptstr. 1', 'Berlin', '10115', 'BE', 'DE', NULL, NULL, NULL, NULL, NULL,
  TIMESTAMP WITH TIME ZONE '2026-01-31 17:00:00+00');

INSERT INTO ${schema}.purchase_order_line (po_number, line_no, item_code, description, quantity, unit, unit_price, amount) VALUES
 ('PO-1001', 1, 'PAPER-A4', 'Printer paper A4, box of 5 reams', 10.0000, 'BOX', 24.500000, 245.0000),
 ('PO-1001', 2, 'TONER-K',  'Toner cartridge black',             4.0000, 'EA',  89.900000, 359.6000),
 ('PO-1002', 1, 'DESK-160', 'Desk 160x80, height adjustable',    6.0000, 'EA', 649.000000, 3894.0000),
 ('PO-1003', 1, 'CONS-DAY', 'Consulting day',                    5.0000, 'DAY', 1200.000000, 6000.0000);

INSERT INTO ${schema}.goods_receipt (receipt_number, po_number, po_line_no, received_on, quantity, amount, updated_at) VALUES
 ('GR-5001', 'PO-1001', 1, DATE '2026-01-15', 10.0000, 245.0000, TIMESTAMP WITH TIME ZONE '2026-01-15 14:00:00+00'),
 ('GR-5001', 'PO-1001', 2, DATE '2026-01-15',  2.0000, 179.8000, TIMESTAMP WITH TIME ZONE '2026-01-15 14:00:00+00'),
 ('GR-5002', 'PO-1002', 1, DATE '2026-01-20',  6.0000, 3894.0000, TIMESTAMP WITH TIME ZONE '2026-01-20 09:15:00+00'),
 ('GR-5003', 'PO-1003', 1, DATE '2026-01-31',  5.0000, 6000.0000, TIMESTAMP WITH TIME ZONE '2026-01-31 17:00:00+00');
