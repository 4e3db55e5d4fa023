package org.concurbridge.bridge.posting.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A connection's posting mapping as written in its YAML/JSON file or edited on the dashboard, before validation.
 * Every member is optional; {@link PostingMapping#from(MappingConfig)} checks each field and reports every error at
 * once. See {@code docs/posting.md} for the file format.
 *
 * @param name            a label shown with the version
 * @param strict          when true, a Concur code without a mapping entry is an error instead of passing through
 * @param companies       Concur entity/ledger/document currency → ERP company (most specific rule wins)
 * @param accounts        Concur journal account code → ERP account
 * @param offsets         Concur payer/payee payment code (EMPL, IBCP, CBCP, COPD; VENDOR for invoices) → account
 * @param taxes           Concur tax code (or tax authority label when the code is empty) → tax accounts
 * @param costObjects     ERP dimension → Concur fields that may hold its code (tried allocation, then journal,
 *                        then entry/line, then report/header; never the employee section)
 * @param shippingAccount account for invoice shipping; without it shipping posts to the line's account
 * @param payrollClearing when true, what a payroll-reimbursed report ({@code payrollPayIndicator} Y) owes its
 *                        employee posts to the report's {@code payrollPaymentClearingAccountCode} (mapped through
 *                        {@code accounts}) instead of the EMPL offset account
 * @param paymentLabels   extract files (SAE columns 163–166): a payer/payee payment type name or payment code name
 *                        the customer renamed (e.g. {@code University}, {@code User}) → the payment code it stands
 *                        for ({@code COMP} the company, {@code EMPL} the employee, or a card program such as
 *                        {@code CBCP}); only needed where the row does not say it (docs/extracts.md)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MappingConfig(
        String name,
        Boolean strict,
        List<CompanyRule> companies,
        Map<String, String> accounts,
        Map<String, OffsetRule> offsets,
        Map<String, TaxRule> taxes,
        Map<String, List<String>> costObjects,
        String shippingAccount,
        Boolean payrollClearing,
        Map<String, String> paymentLabels) {

    /** A mapping without extract payment labels. */
    public MappingConfig(String name, Boolean strict, List<CompanyRule> companies, Map<String, String> accounts,
                         Map<String, OffsetRule> offsets, Map<String, TaxRule> taxes,
                         Map<String, List<String>> costObjects, String shippingAccount, Boolean payrollClearing) {
        this(name, strict, companies, accounts, offsets, taxes, costObjects, shippingAccount, payrollClearing, null);
    }

    /**
     * Matches documents by Concur entity id, ledger code and/or document (reimbursement or invoice) currency
     * (absent = any) and names the ERP company and its currency.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompanyRule(String entity, String ledger, String company, String currency,
                              String documentCurrency) {
    }

    /**
     * Offset accounts of one payment code. {@code receivableAccount}, when set, takes the lines where the counterpart
     * owes the company (an employee's personal card charges and credits); otherwise {@code account} takes both sides.
     * Written either as a plain account ({@code EMPL: "2100"}) or as an object.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OffsetRule(String account, String receivableAccount) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static OffsetRule of(String account) {
            return new OffsetRule(account, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public OffsetRule {
        }
    }

    /**
     * Tax accounts of one tax code: the deductible (reclaimable) part posts to {@code account}, the non-deductible
     * part to {@code nonDeductibleAccount} (default: {@code account}). Written as a plain account or an object.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaxRule(String account, String nonDeductibleAccount) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static TaxRule of(String account) {
            return new TaxRule(account, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public TaxRule {
        }
    }
}
