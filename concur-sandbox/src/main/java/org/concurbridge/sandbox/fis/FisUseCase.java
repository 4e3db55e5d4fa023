package org.concurbridge.sandbox.fis;

import java.util.Arrays;
import java.util.Optional;

/**
 * The use cases of the FIS catalogue (financial-integration-v4.md section 5) the generator produces, each with the
 * official example file of the same use case (the conformance test compares their JSON structure).
 */
public enum FisUseCase {
    CASH("1.1", FisDocType.EXPENSE, "FI-API-ReportID-B1041655B4CE4171BDAA-Example-1.1.json"),
    REBATE("1.2", FisDocType.EXPENSE, "FI-API-ReportID-6517F735E33A47B98D80-Example-1.2.json"),
    MILEAGE("1.3", FisDocType.EXPENSE, "FI-API-ReportID-473498AF26AE45A094A6-Example-1.3.json"),
    ALLOWANCE_TAXABLE("1.4", FisDocType.EXPENSE, "FI-API-ReportID-AA45D472EC0D456D9D73-Example-1.4.json"),
    VAT_SINGLE("2.1", FisDocType.EXPENSE, "FI-API-ReportID-F071FADEA6B142DD884A-Example-2.1.json"),
    VAT_NON_DEDUCTIBLE("2.2", FisDocType.EXPENSE, "FI-API-ReportID-641C4F998328438284A2-Example-2.2.json"),
    VAT_JURISDICTIONS("2.3", FisDocType.EXPENSE, "FI-API-ReportID-0EE74C75C9344DEA942F-Example-2.3.json"),
    VAT_PARTIAL("2.4", FisDocType.EXPENSE, "FI-API-ReportID-FABA2A8599224AE5A6C8-Example-2.4.json"),
    FOREIGN_CURRENCY("2.5", FisDocType.EXPENSE, "FI-API-ReportID-2519BED4A22B43C4B8E7-Example-2.5.json"),
    ITEMIZED_HOTEL("3.1", FisDocType.EXPENSE, "FI-API-ReportID-0C45F960C3064ED88C39-Example-3.1.json"),
    ALLOCATION("4.1", FisDocType.EXPENSE, "FI-API-ReportID-460EFDDC98634EA9A0AD-Example-4.1.json"),
    CASH_ADVANCE_ISSUED("5.1.1", FisDocType.CASH_ADVANCE,
            "FI-API-CashAdvanceID-E2A086D30B88AE4683BC48ADE47B8116-Example-5.1.1.json"),
    CASH_ADVANCE_BELOW("5.2.1", FisDocType.EXPENSE, "FI-API-ReportID-14A40453BED6493EB53F-Example-5.2.1.json"),
    CASH_ADVANCE_ABOVE("5.2.2", FisDocType.EXPENSE, "FI-API-ReportID-52F40A7F26D74F1AAFFB-Example-5.2.2.json"),
    IBCP_CARD("6.1.2", FisDocType.EXPENSE, "FI-API-ReportID-CDFDE0F4CACE4426A913-Example-6.1.2.json"),
    IBCP_CREDIT("6.1.3", FisDocType.EXPENSE, "FI-API-ReportID-57A29232093E4B7AADF7-Example-6.1.3.json"),
    IBCP_PERSONAL("6.1.6", FisDocType.EXPENSE, "FI-API-ReportID-1B25850DD8B94D5F8B2D-Example-6.1.6.json"),
    IBCP_PERSONAL_OFFSET("6.1.6-with-offsetting", FisDocType.EXPENSE,
            "FI-API-ReportID-7E141428931340B990A3-Example-6.1.6-with-offsetting.json"),
    CBCP_PERSONAL("6.2.4", FisDocType.EXPENSE, "FI-API-ReportID-7F00502973D84DEFA49E-Example-6.2.4.json"),
    INVOICE("invoice", FisDocType.INVOICE, "getting-started-example-invoice-document.json");

    private final String catalogueId;
    private final FisDocType docType;
    private final String exampleFile;

    FisUseCase(String catalogueId, FisDocType docType, String exampleFile) {
        this.catalogueId = catalogueId;
        this.docType = docType;
        this.exampleFile = exampleFile;
    }

    /** The use case number in the catalogue ({@code 2.3}, {@code 6.1.6-with-offsetting}; {@code invoice}). */
    public String catalogueId() {
        return catalogueId;
    }

    public FisDocType docType() {
        return docType;
    }

    /** The official example (shared/concur-api/examples/fis/documents) with the same use case. */
    public String exampleFile() {
        return exampleFile;
    }

    /** By enum name ({@code VAT_PARTIAL}) or catalogue id ({@code 2.4}). */
    public static Optional<FisUseCase> find(String value) {
        return Arrays.stream(values())
                .filter(u -> u.name().equalsIgnoreCase(value) || u.catalogueId.equalsIgnoreCase(value))
                .findFirst();
    }
}
