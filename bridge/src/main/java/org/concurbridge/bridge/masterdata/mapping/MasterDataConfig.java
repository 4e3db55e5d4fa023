package org.concurbridge.bridge.masterdata.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A connection's master-data mapping as written in YAML/JSON, before validation (docs/masterdata.md, "The mapping").
 * Every member is optional; {@link MasterDataMapping#from(MasterDataConfig)} checks each field and reports every
 * error at once.
 *
 * @param name    a label shown with the version
 * @param lists   ERP cost-object dimensions → Concur lists
 * @param codes   how ERP codes and names become valid Concur codes and names
 * @param vendors ERP suppliers → Concur Invoice vendors (absent: the defaults)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MasterDataConfig(String name, List<ListRule> lists, Codes codes, VendorRule vendors) {

    /**
     * One Concur list. Either {@code dimension} (the list's levels are the depth of that dimension's tree: a node
     * without parent is on level 1, its children on level 2, ...) or {@code levels} (a connected list whose level n
     * holds the nodes of the n-th dimension; a node of level n > 1 names its parent on level n-1 in its parent code).
     *
     * @param name           the Concur list's name (exact)
     * @param dimension      tree mode: the ERP dimension (e.g. COST_CENTER)
     * @param levels         connected mode: one ERP dimension per level, level 1 first
     * @param maxLevels      tree mode: deepest level allowed (1-10, default 10); deeper nodes are named as problems
     * @param owned          true: the bridge owns the list: claims it as managed and deletes items only Concur has
     * @param create         true: create the list when Concur has none of that name (Professional only)
     * @param searchCriteria a created list's search criteria: CODE or TEXT (default TEXT)
     * @param displayFormat  a created list's display format: "(CODE) TEXT" or "TEXT (CODE)" (default "(CODE) TEXT")
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListRule(String name, String dimension, List<String> levels, Integer maxLevels, Boolean owned,
                           Boolean create, String searchCriteria, String displayFormat) {
    }

    /**
     * @param hyphen        replaces "-" in codes (Concur's level separator); "" or absent = not replaced, so a code
     *                      with a hyphen is a problem (default "_")
     * @param nameHyphen    replaces "-" in names (default "–", an en dash)
     * @param upperCase     upper-case codes (default false)
     * @param truncateNames cut names longer than 64 characters instead of naming them as problems (default false)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Codes(String hyphen, String nameHyphen, Boolean upperCase, Boolean truncateNames) {
    }

    /**
     * @param enabled               false: vendors are not synced for this connection (default true)
     * @param addressCode           the AddressCode rule: "postalCode" (default), "code" (the supplier code) or
     *                              "constant:VALUE"
     * @param paymentMethod         PaymentMethodType of vendors without a bank account (default CHECK)
     * @param paymentMethodWithBank PaymentMethodType of vendors with a bank account (default ACH)
     * @param currency              CurrencyCode where the ERP has none (default EUR)
     * @param country               CountryCode where the ERP has none (default DE)
     * @param taxId                 send the ERP's tax id as TaxID (default true)
     * @param bank                  send the ERP's bank account as the vendor's bank (default true)
     * @param paymentTerms          ERP payment terms → days (1-999); without an entry the digits of the ERP's terms
     *                              (NET30 → 30), else none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VendorRule(Boolean enabled, String addressCode, String paymentMethod, String paymentMethodWithBank,
                             String currency, String country, Boolean taxId, Boolean bank,
                             Map<String, Integer> paymentTerms) {
    }
}
