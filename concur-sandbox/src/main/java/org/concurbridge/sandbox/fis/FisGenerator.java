package org.concurbridge.sandbox.fis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded generator of realistic FIS v4 documents, one per ({@code seed}, {@code index}), each with the journal it must
 * post ({@link ExpectedJournal}). Random access: document {@code i} depends only on the seed and {@code i}, so a store
 * of 10,000 generated documents keeps only their ids and regenerates a document when it is served.
 *
 * <p>Documents carry every member of the official examples of their kind (the field lists in
 * {@code document-fields.json}, taken from the examples' member names), null where the scenario has no value. The
 * expected journal is computed from the scenario's own amounts as they are drawn (never by reading the JSON back), with
 * Concur's codes as accounts: see {@link ExpectedJournal}.
 */
final class FisGenerator {

    private static final Map<String, List<String>> FIELDS = loadFields();
    private static final Set<String> ARRAY_FIELDS = Set.of("requestId", "taxGuid", "receiptNumbers");
    private static final String COMPANY = "COMP";
    private static final String EMPLOYEE = "EMPL";
    private static final String CA_CLEARING = "CADV";
    private static final String CARD_CLEARING = "199999";
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);
    private static final String[] FIRST = {"Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Ines",
        "Jonas", "Kira", "Liam", "Mia", "Noah", "Olga", "Paul"};
    private static final String[] LAST = {"Schmidt", "Martin", "Smith", "Rossi", "Dubois", "Novak", "Berg", "Lopez",
        "Wilson", "Keller", "Brown", "Meyer"};

    /** Home country of a generated report: currency, country, sub-code, city, mileage rate. */
    private record Country(String code, String currency, String numCode, String subCode, String city,
                           BigDecimal mileageRate) {
    }

    private static final Country US = new Country("US", "USD", "840", "US-WA", "Seattle", new BigDecimal("0.70"));
    private static final Country DE = new Country("DE", "EUR", "978", "DE-BY", "Munich", new BigDecimal("0.30"));
    private static final Country GB = new Country("GB", "GBP", "826", "GB-LND", "London", new BigDecimal("0.45"));
    private static final Country CA = new Country("CA", "CAD", "124", "CA-MB", "Winnipeg", new BigDecimal("0.68"));

    /** One generated document. */
    record Generated(FisUseCase useCase, ObjectNode document, ExpectedJournal journal) {
    }

    private final JsonMapper json;

    FisGenerator(JsonMapper json) {
        this.json = json;
    }

    /** The use case of document {@code index}: round robin over {@code mix}, so every one appears in each cycle. */
    static FisUseCase useCaseOf(int index, List<FisUseCase> mix) {
        return mix.get(Math.floorMod(index, mix.size()));
    }

    Generated generate(long seed, int index, FisUseCase useCase, String docId) {
        Doc d = new Doc(new SplittableRandom(mix(seed, index)), useCase, docId, uniqueKey(seed, index));
        return switch (useCase.docType()) {
            case EXPENSE -> d.expense();
            case CASH_ADVANCE -> d.cashAdvance();
            case INVOICE -> d.invoice();
        };
    }

    /**
     * The report key / request key of document {@code index}: unique within a seed (up to 100,000 documents) and
     * almost surely across seeds, because the extract files carry it as the report's key (SAE column 20, PRAE column
     * 2) and the bridge groups and de-duplicates rows by batch id + report key. Depends only on (seed, index).
     */
    static long uniqueKey(long seed, int index) {
        return 1_000_000_000L * (1 + Math.floorMod(mix(seed, -1), 99_999L)) + 10_000L * index
                + Math.floorMod(mix(seed, index), 10_000L);
    }

    private static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }

    /** The building of one document and its expected journal. */
    private final class Doc {
        private final SplittableRandom rnd;
        private final FisUseCase useCase;
        private final String docId;
        private final List<ExpectedJournal.Line> lines = new ArrayList<>();
        private Country country;
        private LocalDate date;
        private ArrayNode entries;
        private int legacyKey;
        private final long key;

        Doc(SplittableRandom rnd, FisUseCase useCase, String docId, long key) {
            this.key = key;
            this.rnd = rnd;
            this.useCase = useCase;
            this.docId = docId;
            this.date = LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(300));
            this.legacyKey = 1000 + rnd.nextInt(90000);
        }

        // ---------------------------------------------------------------- expense reports

        Generated expense() {
            country = switch (useCase) {
                case VAT_SINGLE, VAT_NON_DEDUCTIBLE, VAT_PARTIAL -> DE;
                case VAT_JURISDICTIONS -> CA;
                case FOREIGN_CURRENCY -> GB;
                case ALLOWANCE_TAXABLE -> US;
                default -> pick(US, GB, DE);
            };
            ObjectNode doc = json.createObjectNode();
            String[] name = person();
            doc.set("employee", employee("expense.employee", name));
            ObjectNode report = section("expense.report");
            doc.set("report", report);
            entries = doc.putArray("expenseEntry");
            ArrayNode applications = doc.putArray("cashAdvanceApplication");
            BigDecimal caReturned = BigDecimal.ZERO;
            switch (useCase) {
                case CASH -> {
                    int n = 1 + rnd.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        String[] t = pick(new String[] {"TAXIX", "Taxi", "474230"},
                                new String[] {"TRAIN", "Train", "474210"}, new String[] {"PARKG", "Parking", "474240"},
                                new String[] {"LNDRY", "Laundry", "474250"}, new String[] {"BUSXX", "Bus", "474210"});
                        simple(t[0], t[1], t[2], "CASH", COMPANY, EMPLOYEE, money(5, 120));
                    }
                }
                case REBATE -> simple("TAGFE", "Toll Rebate", "474240", "CASH", EMPLOYEE, COMPANY,
                        money(10, 90).negate());
                case MILEAGE -> {
                    int km = 10 + rnd.nextInt(390);
                    BigDecimal amount = country.mileageRate().multiply(BigDecimal.valueOf(km)).setScale(2,
                            RoundingMode.HALF_UP);
                    ObjectNode e = simple("MILEG", "Personal Car Mileage", "474260", "CASH", COMPANY, EMPLOYEE,
                            amount);
                    e.put("entryDescription", km + " km at " + country.mileageRate().toPlainString());
                }
                case ALLOWANCE_TAXABLE -> allowance();
                case VAT_SINGLE -> {
                    boolean reduced = rnd.nextBoolean();
                    vat("LNDRY", "Laundry", "474250", money(10, 300), List.of(new Tax("DEVAT", reduced ? "V7" : "V19",
                            "VA", new BigDecimal(reduced ? "0.07" : "0.19"), BigDecimal.ONE)));
                }
                case VAT_NON_DEDUCTIBLE -> vat("GASXX", "Fuel (private car)", "474210", money(20, 150),
                        List.of(new Tax("DEVAT", "V19N", "VN", new BigDecimal("0.19"), BigDecimal.ZERO)));
                case VAT_JURISDICTIONS -> vat("LOCPH", "Local Phone", "474210", money(20, 400), List.of(
                        new Tax("CAGST", "JC2E", "TM", new BigDecimal("0.05"), BigDecimal.ONE),
                        new Tax("CAPMB", "JC1U", "TM", new BigDecimal("0.07"), BigDecimal.ZERO)));
                case VAT_PARTIAL -> vat("BUSML", "Business Meal", "474235", money(30, 400), List.of(
                        new Tax("DEVAT", "V19P", "VP", new BigDecimal("0.19"), new BigDecimal("0.70"))));
                case FOREIGN_CURRENCY -> foreignHotel();
                case ITEMIZED_HOTEL -> hotel(rnd.nextBoolean() ? "CASH" : "COPD");
                case ALLOCATION -> allocated();
                case CASH_ADVANCE_BELOW, CASH_ADVANCE_ABOVE -> caReturned = cashAdvanceApplied(applications);
                case IBCP_CARD -> {
                    cardEntry("CARRT", "Car Rental", "474220", "IBCP", money(40, 400), false);
                    simple("POSTG", "Postage", "474270", "CASH", COMPANY, EMPLOYEE, money(3, 40));
                }
                case IBCP_CREDIT -> cardEntry("AIRFR", "Airfare", "474200", "IBCP", money(100, 900).negate(), false);
                case IBCP_PERSONAL, IBCP_PERSONAL_OFFSET -> ibcpPersonal(useCase == FisUseCase.IBCP_PERSONAL_OFFSET);
                case CBCP_PERSONAL -> cbcpPersonal();
                default -> throw new IllegalStateException("not an expense use case: " + useCase);
            }
            BigDecimal total = BigDecimal.ZERO;
            for (JsonNode e : entries) {
                total = total.add(e.get("entryApprovedAmount").decimalValue());
            }
            fillReport(report, total, caReturned);
            return new Generated(useCase, doc, journal(country.currency()));
        }

        private void fillReport(ObjectNode r, BigDecimal total, BigDecimal caReturned) {
            r.put("reportId", hex(20));
            r.put("reportKey", key);
            r.put("reportNumber", hex(6));
            r.put("reportName", "Generated " + useCase.catalogueId() + " " + date);
            r.put("ledgerCode", "DEFAULT");
            r.put("employeeCurrencyAlphaCode", country.currency());
            r.put("homeCountryCode", country.code());
            r.put("totalApprovedAmount", total);
            r.put("cashAdvanceReturnsAmount", caReturned);
            r.put("isTest", "N");
            r.put("payrollPayIndicator", "N");
            r.put("policyId", hex(32));
            r.put("reportCreationDate", instant(date.minusDays(3), 9));
            r.put("reportSubmitDate", instant(date.minusDays(2), 10));
            r.put("reportUserDefinedDate", instant(date.minusDays(2), 0));
            r.put("reportPaymentProcessingDate", instant(date, 11));
            r.put("reportStartDate", instant(date.minusDays(5), 0));
            r.put("reportEndDate", instant(date.minusDays(3), 0));
            r.put("revisionNumber", "1");
            r.put("versionId", "4");
            orgUnits(r, "report");
        }

        private void allowance() {
            BigDecimal rate = new BigDecimal("1.0").add(BigDecimal.valueOf(rnd.nextInt(2000), 4));
            BigDecimal legal = money(20, 30);
            BigDecimal excess = money(5, 30);
            ObjectNode free = simple("MEALS", "Meals Allowance (non-taxable)", "474230", "CASH", COMPANY, EMPLOYEE,
                    legal.multiply(rate).setScale(2, RoundingMode.HALF_UP));
            foreign(free, "EUR", legal, rate);
            ObjectNode taxable = simple("MEALT", "Meals Allowance (taxable part)", "474231", "CASH", COMPANY,
                    EMPLOYEE, excess.multiply(rate).setScale(2, RoundingMode.HALF_UP));
            foreign(taxable, "EUR", excess, rate);
        }

        private void foreign(ObjectNode entry, String currency, BigDecimal amount, BigDecimal rate) {
            entry.put("entryCurrAlphaCode", currency);
            entry.put("reportEntryTransactionAmount", amount);
            entry.put("entryExchangeRate", rate);
        }

        /** One tax of a VAT scenario: {@code rate} of the net, {@code deductible} share reclaimable. */
        private record Tax(String label, String code, String reclaimCode, BigDecimal rate, BigDecimal deductible) {
        }

        private void vat(String type, String typeName, String account, BigDecimal net, List<Tax> taxes) {
            ObjectNode e = entry(type, typeName, "CASH", BigDecimal.ZERO, false);
            ObjectNode a = allocation(e, new BigDecimal("100"));
            ArrayNode guids = json.createArrayNode();
            BigDecimal gross = net;
            BigDecimal reclaim = BigDecimal.ZERO;
            Map<String, String> co = costObjects(a);
            List<BigDecimal> amounts = new ArrayList<>();
            for (Tax t : taxes) {
                BigDecimal tax = net.multiply(t.rate()).setScale(2, RoundingMode.HALF_UP);
                BigDecimal rec = tax.multiply(t.deductible()).setScale(2, RoundingMode.HALF_UP);
                amounts.add(tax);
                gross = gross.add(tax);
                reclaim = reclaim.add(rec);
                String guid = hex(32);
                guids.add(guid);
                ObjectNode row = section("expense.tax");
                row.put("taxGuid", guid);
                row.put("taxAuthorityLabel", t.label());
                row.put("taxCode", t.code());
                row.put("taxReclaimCode", t.reclaimCode());
                row.put("nonDomesticCode", t.reclaimCode());
                row.put("taxSource", "SYST");
                row.put("amountTax", tax);
                row.put("amountReclaim", rec);
                row.put("locationCountryCode", country.code());
                row.put("locationCountrySubCode", country.subCode());
                ((ArrayNode) a.get("tax")).add(row);
            }
            setAmounts(e, gross);
            ObjectNode j = journal(a, COMPANY, EMPLOYEE, account, gross, net, gross.subtract(reclaim));
            j.set("taxGuid", guids);
            line(account, net, co, typeName + " (net)");
            for (int i = 0; i < taxes.size(); i++) {
                Tax t = taxes.get(i);
                line(t.code(), amounts.get(i), co, "Tax " + t.label() + " " + t.rate().movePointRight(2)
                        .stripTrailingZeros().toPlainString() + "% (deductible share " + t.deductible()
                        .toPlainString() + ")");
            }
            line(EMPLOYEE, gross.negate(), Map.of(), "Employee " + typeName);
        }

        private void foreignHotel() {
            BigDecimal rate = new BigDecimal("0.7").add(BigDecimal.valueOf(rnd.nextInt(1500), 4));
            BigDecimal room = money(60, 300);
            BigDecimal tax = room.multiply(new BigDecimal("0.14")).setScale(2, RoundingMode.HALF_UP);
            for (Object[] part : new Object[][] {{"LODNG", "Hotel", room}, {"LODTX", "Hotel Tax", tax}}) {
                BigDecimal usd = (BigDecimal) part[2];
                ObjectNode e = cardEntry((String) part[0], (String) part[1], "474230", "IBCP",
                        usd.multiply(rate).setScale(2, RoundingMode.HALF_UP), false);
                foreign(e, "USD", usd, rate);
                e.put("cardTransactionCurrency", "USD");
                e.put("cardTransactionAmount", usd);
            }
        }

        private void hotel(String payment) {
            String payee = "CASH".equals(payment) ? EMPLOYEE : "COPD";
            int nights = 1 + rnd.nextInt(4);
            BigDecimal rate = money(90, 250);
            BigDecimal breakfast = money(10, 25);
            for (int i = 0; i < nights; i++) {
                simple("LODNG", "Room Rate", "474230", payment, COMPANY, payee, rate);
                simple("LODTX", "Hotel Tax", "474232", payment, COMPANY, payee,
                        rate.multiply(new BigDecimal("0.12")).setScale(2, RoundingMode.HALF_UP));
                simple("BRKFT", "Breakfast", "474233", payment, COMPANY, payee, breakfast);
            }
        }

        private void allocated() {
            simple("LODNG", "Room Rate", "474230", "CASH", COMPANY, EMPLOYEE, money(90, 250));
            BigDecimal gross = money(40, 600);
            ObjectNode e = entry("BUSML", "Business Meal", "CASH", gross, false);
            String[][] splits = {{"50", "50"}, {"60", "40"}, {"70", "30"}, {"50", "25", "25"}, {"40", "30", "30"}};
            String[] split = splits[rnd.nextInt(splits.length)];
            BigDecimal rest = gross;
            for (int i = 0; i < split.length; i++) {
                BigDecimal pct = new BigDecimal(split[i]);
                BigDecimal amount = i == split.length - 1 ? rest
                        : gross.multiply(pct).divide(new BigDecimal("100"), 2, RoundingMode.HALF_UP);
                rest = rest.subtract(amount);
                ObjectNode a = allocation(e, pct);
                journal(a, COMPANY, EMPLOYEE, "474235", amount, amount, amount);
                line("474235", amount, costObjects(a), "Business Meal " + pct + "%");
                line(EMPLOYEE, amount.negate(), Map.of(), "Employee Business Meal");
            }
        }

        private BigDecimal cashAdvanceApplied(ArrayNode applications) {
            List<BigDecimal> spent = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            String[][] kinds = {{"CARRT", "Car Rental", "474220"}, {"DINNR", "Dinner", "474234"},
                {"PARKG", "Parking", "474240"}};
            for (String[] k : kinds) {
                BigDecimal amount = money(10, 300);
                simple(k[0], k[1], k[2], "CASH", COMPANY, EMPLOYEE, amount);
                spent.add(amount);
                total = total.add(amount);
            }
            String caId = hex(32);
            BigDecimal returned = BigDecimal.ZERO;
            BigDecimal advance;
            if (useCase == FisUseCase.CASH_ADVANCE_BELOW) {
                advance = total.multiply(BigDecimal.valueOf(50 + rnd.nextInt(45))).divide(new BigDecimal("100"), 2,
                        RoundingMode.DOWN);
            } else {
                returned = money(10, 200);
                advance = total.add(returned);
                apply(applications, caId, returned, "Cash advance returned by the employee");
            }
            BigDecimal left = advance.subtract(returned);
            for (BigDecimal s : spent) {
                BigDecimal applied = s.min(left);
                if (applied.signum() > 0) {
                    apply(applications, caId, applied, "Cash advance applied");
                    left = left.subtract(applied);
                }
            }
            return returned;
        }

        private void apply(ArrayNode applications, String caId, BigDecimal amount, String text) {
            ObjectNode row = applications.addObject();
            row.put("cashAdvanceId", caId);
            row.put("cashAdvanceApplicationAmount", amount.negate());
            row.put("cashAdvanceTransactionType", 2);
            row.put("cashAdvanceClearingAccountCode", CA_CLEARING);
            line(CA_CLEARING, amount.negate(), Map.of(), text);
            line(EMPLOYEE, amount, Map.of(), text);
        }

        private void ibcpPersonal(boolean offsetting) {
            cardEntry("LODNG", "Room Rate", "474230", "IBCP", money(90, 250), offsetting);
            cardEntry("DINNR", "Dinner", "474234", "IBCP", money(15, 80), offsetting);
            // The personal charge on the card is not in the JSON (financial-integration-v4.md section 4.1).
            BigDecimal personal = money(5, 60);
            BigDecimal cash = money(5, 60);
            ObjectNode e = entry("TAXIX", "Taxi", "CASH", cash, false);
            ObjectNode a = allocation(e, new BigDecimal("100"));
            Map<String, String> co = costObjects(a);
            line("474230", cash, co, "Taxi");
            if (!offsetting) {
                journal(a, COMPANY, EMPLOYEE, "474230", cash, cash, cash);
                line(EMPLOYEE, cash.negate(), Map.of(), "Employee Taxi");
                return;
            }
            e.put("offsetPayType", "Y");
            BigDecimal toCard = personal.min(cash);
            BigDecimal toEmployee = cash.subtract(toCard);
            if (toEmployee.signum() > 0) {
                journal(a, COMPANY, EMPLOYEE, "474230", toEmployee, toEmployee, toEmployee);
                line(EMPLOYEE, toEmployee.negate(), Map.of(), "Employee Taxi");
            }
            journal(a, COMPANY, "IBCP", "474230", toCard, toCard, toCard);
            line("IBCP", toCard.negate(), Map.of(), "Card vendor: personal charge offset against Taxi");
        }

        private void cbcpPersonal() {
            int business = rnd.nextInt(3);
            for (int i = 0; i < business; i++) {
                cardEntry("LODNG", "Room Rate", "474230", "CBCP", money(90, 250), false);
            }
            BigDecimal personal = money(5, 80);
            ObjectNode e = entry("ENTOT", "Entertainment (personal)", "CBCP", personal, true);
            e.put("clearingAccountCode", CARD_CLEARING);
            card(e);
            ObjectNode a = allocation(e, null);
            a.putNull("allocationId");
            for (int i = 1; i <= 20; i++) {
                a.putNull("allocationCustom" + i + "Code");
                a.putNull("allocationCustom" + i + "Value");
            }
            journal(a, COMPANY, "CBCP", CARD_CLEARING, personal, personal, personal);
            journal(a, EMPLOYEE, COMPANY, CARD_CLEARING, personal.negate(), personal.negate(), personal.negate());
            line(CARD_CLEARING, personal, Map.of(), "Personal card charge");
            line("CBCP", personal.negate(), Map.of(), "Card vendor: personal card charge");
            line(CARD_CLEARING, personal.negate(), Map.of(), "Personal card charge owed by the employee");
            line(EMPLOYEE, personal, Map.of(), "Employee owes the personal card charge");
            if (rnd.nextBoolean()) {
                simple("TAXIX", "Taxi", "474230", "CASH", COMPANY, EMPLOYEE, money(5, 60));
            }
        }

        /** A card entry of one allocation and one journal {@code COMP → program} (IBCP/CBCP), or the reverse for a credit. */
        private ObjectNode cardEntry(String type, String typeName, String account, String program, BigDecimal amount,
                                     boolean offsetting) {
            boolean credit = amount.signum() < 0;
            ObjectNode e = credit ? simple(type, typeName, account, program, program, COMPANY, amount)
                    : simple(type, typeName, account, program, COMPANY, program, amount);
            card(e);
            e.put("offsetPayType", offsetting ? "Y" : "N");
            e.put("clearingAccountCode", CARD_CLEARING);
            ObjectNode j = (ObjectNode) e.get("allocation").get(0).get("journal").get(0);
            j.put("cardTransactionReferenceNumber", e.get("cardTransactionID").asString());
            j.put("amountGrossCard", amount);
            return e;
        }

        private void card(ObjectNode e) {
            BigDecimal amount = e.get("reportEntryTransactionAmount").decimalValue();
            e.put("cardProgramTypeCode", pick("AX", "VI", "MC"));
            e.put("cardAccountID", hex(32));
            e.put("cardTransactionID", String.valueOf(1_000_000_000L + rnd.nextInt(1_000_000_000)));
            e.put("cardTransactionAmount", amount);
            e.put("cardTransactionCurrency", e.get("entryCurrAlphaCode").asString());
            e.put("cardTransactionPostedAmount", amount);
            e.put("cardTransactionPostedCurrency", e.get("entryCurrAlphaCode").asString());
        }

        /** An entry with one 100 % allocation and one journal without tax, and its expected lines. */
        private ObjectNode simple(String type, String typeName, String account, String patKey, String payer,
                                  String payee, BigDecimal gross) {
            ObjectNode e = entry(type, typeName, patKey, gross, false);
            ObjectNode a = allocation(e, new BigDecimal("100"));
            journal(a, payer, payee, account, gross, gross, gross);
            String party = COMPANY.equals(payer) ? payee : payer;
            line(account, gross, costObjects(a), typeName);
            line(party, gross.negate(), Map.of(), party + " " + typeName);
            return e;
        }

        private ObjectNode entry(String type, String typeName, String patKey, BigDecimal amount, boolean personal) {
            ObjectNode e = section("expense.entry");
            entries.add(e);
            e.put("entryId", hex(32));
            e.put("legacyEntryId", legacyKey + entries.size());
            e.put("expenseTypeCode", type);
            e.put("expenseTypeName", typeName);
            e.put("entryDate", instant(date.minusDays(4), 0));
            e.put("entryDescription", typeName);
            String vendor = pick("Contoso", "Northwind", "Fabrikam", "Tailspin", "Wingtip");
            e.put("entryVendorCode", vendor);
            e.put("entryVendorDescription", vendor);
            e.put("entryLocationName", country.city());
            e.put("entryLocationCityName", country.city());
            e.put("entryCountryCode", country.code());
            e.put("entryCountrySubCode", country.subCode());
            e.put("entryCurrAlphaCode", country.currency());
            e.put("entryExchangeRate", BigDecimal.ONE);
            e.put("entryExchangeRateDirection", "M");
            e.put("entryIsPersonal", personal ? "Y" : "N");
            e.put("entryIsBillable", "N");
            e.put("entryReceiptType", pick("R", "T", "N"));
            e.put("entryReceiptId", hex(32));
            e.put("reportEntryPatKey", patKey);
            e.put("reportEntryPaymentTypeCode", patKey);
            e.put("reportEntryPaymentTypeName", switch (patKey) {
                case "CASH" -> "Cash";
                case "IBCP" -> "Corporate Card (individual bill, company pay)";
                case "CBCP" -> "Corporate Card (company bill, company pay)";
                default -> "Company Paid";
            });
            e.put("offsetPayType", "N");
            e.put("expensePayIndicator", "N");
            e.put("expensePayAccountingIndicator", "N");
            orgUnits(e, "entry");
            e.putArray("allocation");
            setAmounts(e, amount);
            if (personal) {
                e.put("entryApprovedAmount", BigDecimal.ZERO);
            }
            return e;
        }

        private void setAmounts(ObjectNode e, BigDecimal amount) {
            e.put("reportEntryTransactionAmount", amount);
            e.put("entryApprovedAmount", amount);
        }

        private ObjectNode allocation(ObjectNode entry, BigDecimal percentage) {
            ObjectNode a = section("expense.allocation");
            ((ArrayNode) entry.get("allocation")).add(a);
            a.put("allocationId", hex(32));
            if (percentage == null) {
                a.putNull("allocationPercentage");
            } else {
                a.put("allocationPercentage", percentage);
            }
            String center = pick("4100", "4200", "4300", "5100", "5200");
            a.put("allocationCustom1Code", "1000");
            a.put("allocationCustom1Value", "Company 1000");
            a.put("allocationCustom2Code", center);
            a.put("allocationCustom2Value", "Cost center " + center);
            a.putArray("journal");
            a.putArray("tax");
            return a;
        }

        private ObjectNode journal(ObjectNode allocation, String payer, String payee, String account,
                                   BigDecimal gross, BigDecimal net, BigDecimal netOfReclaim) {
            ObjectNode j = section("expense.journal");
            ((ArrayNode) allocation.get("journal")).add(j);
            j.put("journalPayer", payer);
            j.put("journalPayee", payee);
            j.put("journalAccountCode", account);
            j.put("amountGross", gross);
            j.put("amountNetOfTax", net);
            j.put("amountNetOfReclaim", netOfReclaim);
            return j;
        }

        private Map<String, String> costObjects(ObjectNode allocation) {
            Map<String, String> co = new LinkedHashMap<>();
            for (int i = 1; i <= 20; i++) {
                JsonNode v = allocation.get("allocationCustom" + i + "Code");
                if (v != null && v.isString() && !v.asString().isEmpty()) {
                    co.put("allocationCustom" + i + "Code", v.asString());
                }
            }
            return co;
        }

        private void orgUnits(ObjectNode node, String prefix) {
            node.put(prefix + "OrgUnit1Code", "1000");
            node.put(prefix + "OrgUnit1Value", "Company 1000");
            node.put(prefix + "OrgUnit2Code", country.code() + "01");
            node.put(prefix + "OrgUnit2Value", country.city() + " office");
        }

        // ---------------------------------------------------------------- cash advances

        Generated cashAdvance() {
            country = pick(US, GB, DE);
            ObjectNode doc = json.createObjectNode();
            doc.set("employeeData", employee("cashadvance.employeeData", person()));
            ObjectNode data = section("cashadvance.cashAdvanceData");
            doc.set("cashAdvanceData", data);
            BigDecimal amount = BigDecimal.valueOf(100L * (1 + rnd.nextInt(40)));
            data.put("cashAdvanceId", hex(32));
            data.put("name", "Advance " + date);
            data.put("purpose", pick("Business trip", "Customer visit", "Trade fair"));
            data.put("requestAmount", amount);
            data.put("currencyAlphaCode", country.currency());
            data.put("currencyNumCode", country.numCode());
            data.put("employeeCurrencyAlphaCode", country.currency());
            data.put("exchangeRate", BigDecimal.ONE);
            data.put("requestDate", instant(date.minusDays(3), 9));
            data.put("issuedDate", instant(date, 14));
            data.put("transactionType", 1);
            data.put("paymentMethod", 0);
            data.put("expensePayIndicator", "N");
            data.put("isTest", "N");
            ObjectNode row = doc.putArray("journalData").addObject();
            row.put("payer", COMPANY);
            row.put("payee", EMPLOYEE);
            row.put("paymentCode", "Cash");
            row.put("accountCode", CA_CLEARING);
            row.put("amount", amount);
            row.put("debitOrCredit", "DR");
            line(CA_CLEARING, amount, Map.of(), "Cash advance issued");
            line(EMPLOYEE, amount.negate(), Map.of(), "Employee: cash advance paid out");
            return new Generated(useCase, doc, journal(country.currency()));
        }

        // ---------------------------------------------------------------- invoices

        /** The header carries no tax total: the only invoice example has no {@code amountTax}/{@code amountVAT1}. */
        Generated invoice() {
            country = pick(US, DE);
            ObjectNode doc = json.createObjectNode();
            ObjectNode h = section("invoice.requestHeader");
            doc.set("requestHeader", h);
            ObjectNode owner = employee("invoice.ownerEmployee", person());
            owner.put("employeeMI", pick("A", "B", "C"));
            for (int i : new int[] {1, 9, 10, 16, 21}) {
                owner.put("employeeCustom" + i + "Code", i == 16 ? "N" : "C" + i);
                owner.put("employeeCustom" + i + "Value", "Custom " + i);
            }
            doc.set("ownerEmployee", owner);
            ObjectNode vendor = section("invoice.vendor");
            String vendorName = pick("Acme Supplies", "Globex Services", "Initech Parts", "Umbrella Office");
            vendor.put("vendorCode", hex(32));
            vendor.put("vendorName", vendorName);
            vendor.put("vendorRemitToAddressCode", String.valueOf(100 + rnd.nextInt(900)));
            doc.set("vendor", vendor);
            ArrayNode items = doc.putArray("lineItem");
            boolean po = rnd.nextBoolean();
            String poNumber = po ? "PO" + (100000 + rnd.nextInt(900000)) : null;
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal netTotal = BigDecimal.ZERO;
            BigDecimal shippingTotal = BigDecimal.ZERO;
            int n = 1 + rnd.nextInt(4);
            for (int i = 1; i <= n; i++) {
                String[] kind = pick(new String[] {"2000   ", "Material", "MATER"},
                        new String[] {"6000   ", "Services", "SERVC"}, new String[] {"4000   ", "Office", "OFFIC"});
                BigDecimal qty = BigDecimal.valueOf(1 + rnd.nextInt(10));
                BigDecimal price = money(5, 500);
                BigDecimal net = qty.multiply(price).setScale(2, RoundingMode.HALF_UP);
                BigDecimal shipping = rnd.nextInt(3) == 0 ? money(5, 40) : BigDecimal.ZERO;
                boolean taxed = rnd.nextBoolean();
                String taxCode = "US".equals(country.code()) ? "ST8" : "V19";
                BigDecimal rate = "US".equals(country.code()) ? new BigDecimal("0.08") : new BigDecimal("0.19");
                BigDecimal tax = taxed ? net.add(shipping).multiply(rate).setScale(2, RoundingMode.HALF_UP)
                        : BigDecimal.ZERO;
                BigDecimal gross = net.add(shipping).add(tax);
                ObjectNode li = section("invoice.lineItem");
                items.add(li);
                li.put("lineItemSequenceOrder", i);
                li.put("lineItemDescription", kind[1] + " line " + i);
                li.put("expenseTypeCode", kind[0]);
                li.put("expenseTypeName", kind[1]);
                li.put("lineItemQuantity", qty);
                li.put("lineItemUnitPrice", price);
                if (po) {
                    li.put("lineItemPurchaseOrderNumber", poNumber.substring(0, Math.min(10, poNumber.length())));
                    li.put("poLineNumber", String.valueOf(i));
                    li.put("externalLineItemId", poNumber + "-" + i);
                }
                ObjectNode a = section("invoice.allocation");
                li.putArray("allocation").add(a);
                a.put("allocationKey", legacyKey * 10 + i);
                a.put("allocationPercentage", new BigDecimal("100.0"));
                a.put("allocationAccountCode", kind[2]);
                String center = pick("4100", "4200", "5100");
                a.put("allocationCustom1Code", "1000");
                a.put("allocationCustom2Code", center);
                a.put("allocationCustom3Code", "");
                ObjectNode j = section("invoice.journal");
                a.set("journal", j);
                j.put("accountCode", kind[2]);
                j.put("amountGross", gross);
                j.put("amountNet", net);
                j.put("amountShipping", shipping);
                Map<String, String> co = Map.of("allocationCustom1Code", "1000", "allocationCustom2Code", center);
                line(kind[2], net, co, kind[1] + " line " + i);
                if (shipping.signum() != 0) {
                    line(kind[2], shipping, co, "Shipping line " + i);
                }
                if (taxed) {
                    ObjectNode t = j.putObject("tax");
                    t.put("amountTax", tax);
                    t.put("taxCode", taxCode);
                    t.put("taxField", "amountVAT1");
                    line(taxCode, tax, co, "Tax " + taxCode + " line " + i);
                } else {
                    j.putNull("tax");
                }
                line("VENDOR", gross.negate(), Map.of(), "Vendor " + vendorName + " line " + i);
                total = total.add(gross);
                netTotal = netTotal.add(net);
                shippingTotal = shippingTotal.add(shipping);
            }
            h.put("requestId", hex(20));
            h.put("reqKey", key);
            h.put("requestTitle", "Invoice " + vendorName + " " + date);
            h.put("vendorInvoiceNumber", String.valueOf(10000 + rnd.nextInt(90000)));
            h.put("invoiceDate", date.minusDays(10).format(US_DATE));
            h.put("paymentDueDate", date.plusDays(20).format(US_DATE));
            h.put("submitDate", instant(date.minusDays(2), 10));
            h.put("requestCreationDate", instant(date.minusDays(3), 9));
            h.put("currencyAlphaCode", country.currency());
            h.put("requestTotal", total);
            h.put("amountNetInvoice", netTotal);
            h.put("amountShippingTotal", shippingTotal);
            h.put("ledgerCode", "DEFAULT");
            h.put("ledgerName", "DEFAULT");
            h.put("isTest", "N");
            h.put("invoicePayIndicator", "N");
            h.put("payMethodType", pick("CLIENT", "ACH", "CHECK"));
            h.put("multiplePurchaseOrder", "N");
            h.put("poNumber", poNumber);
            h.put("netPaymentTermDays", "30");
            h.put("revisionNumber", "1");
            h.put("versionId", "4");
            h.put("externalPolicyId", hex(20));
            h.put("policyName", "Invoice policy");
            h.put("requestCustom10Code", "Default");
            h.put("requestCustom10Value", "Default");
            return new Generated(useCase, doc, journal(country.currency()));
        }

        // ---------------------------------------------------------------- helpers

        private ObjectNode employee(String section, String[] name) {
            ObjectNode e = section(section);
            e.put("employeeId", "E" + (10000 + rnd.nextInt(90000)));
            e.put("employeeFirstName", name[0]);
            e.put("employeeLastName", name[1]);
            if (e.has("loginId")) {
                String login = (name[0] + "." + name[1] + "@example.com").toLowerCase(Locale.ROOT);
                e.put("loginId", login);
                e.put("emailAddress", login);
            }
            e.put("employeeCustom21Code", "GRP-" + (country == null ? "US" : country.code()));
            e.put("employeeCustom21Value", "Employee group " + (country == null ? "US" : country.code()));
            return e;
        }

        private String[] person() {
            return new String[] {FIRST[rnd.nextInt(FIRST.length)], LAST[rnd.nextInt(LAST.length)]};
        }

        /** Positive from the debit side, negative from the credit side. */
        private void line(String account, BigDecimal signed, Map<String, String> costObjects, String text) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            BigDecimal abs = signed.abs().setScale(2, RoundingMode.UNNECESSARY);
            lines.add(new ExpectedJournal.Line(account, signed.signum() > 0 ? abs : zero,
                    signed.signum() < 0 ? abs : zero, Map.copyOf(costObjects), text));
        }

        private ExpectedJournal journal(String currency) {
            return new ExpectedJournal(docId, useCase, currency, List.copyOf(lines));
        }

        private BigDecimal money(int from, int to) {
            return BigDecimal.valueOf(from * 100L + rnd.nextInt((to - from) * 100), 2);
        }

        /** {@code length} upper-case hex digits: 16 per random long, zero-padded (as {@code %016X}). */
        private String hex(int length) {
            StringBuilder sb = new StringBuilder(length + 16);
            while (sb.length() < length) {
                String digits = Long.toHexString(rnd.nextLong()).toUpperCase(Locale.ROOT);
                sb.append("0".repeat(16 - digits.length())).append(digits);
            }
            return sb.substring(0, length);
        }

        @SafeVarargs
        private <T> T pick(T... options) {
            return options[rnd.nextInt(options.length)];
        }

        /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ} at {@code hour}, random minutes, seconds and milliseconds (none at 0 h). */
        private String instant(LocalDate day, int hour) {
            int minute = hour == 0 ? 0 : rnd.nextInt(60);
            int second = hour == 0 ? 0 : rnd.nextInt(60);
            int milli = hour == 0 ? 0 : rnd.nextInt(1000);
            StringBuilder sb = new StringBuilder(24).append(day).append('T');
            padded(sb, hour, 2).append(':');
            padded(sb, minute, 2).append(':');
            padded(sb, second, 2).append('.');
            return padded(sb, milli, 3).append('Z').toString();
        }

        private static StringBuilder padded(StringBuilder sb, int value, int width) {
            String digits = Integer.toString(value);
            return sb.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
        }
    }

    /** Every member of a section, null (arrays empty), in the order of the official examples. */
    private ObjectNode section(String name) {
        List<String> fields = FIELDS.get(name);
        if (fields == null) {
            throw new IllegalStateException("no field list for " + name);
        }
        ObjectNode node = json.createObjectNode();
        for (String f : fields) {
            if (ARRAY_FIELDS.contains(f)) {
                node.putArray(f);
            } else {
                node.putNull(f);
            }
        }
        return node;
    }

    private static Map<String, List<String>> loadFields() {
        try (InputStream in = FisGenerator.class.getResourceAsStream("document-fields.json")) {
            if (in == null) {
                throw new IllegalStateException("document-fields.json is missing from the sandbox's resources");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (String section : root.propertyNames()) {
                List<String> names = new ArrayList<>();
                root.get(section).forEach(n -> names.add(n.asString()));
                out.put(section, List.copyOf(names));
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
