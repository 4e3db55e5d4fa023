package org.concurbridge.bridge.posting.fis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.concurbridge.bridge.posting.FisExamples;
import org.concurbridge.bridge.posting.PostingDocument;
import org.concurbridge.bridge.posting.mapping.MappingConfig;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.junit.jupiter.api.Test;

/** Cost objects come from the allocation, then the journal, then the entry — never from the employee section. */
class CostObjectSourcesTest {

    static final String DOC = """
            {"employee":{"employeeId":"E1","employeeOrgUnit4Code":"EMP-CC","employeeCustom1Code":"EMP-PRJ"},
             "report":{"reportId":"R1","ledgerCode":"DEFAULT","employeeCurrencyAlphaCode":"EUR","reportOrgUnit1Code":"REP-BU"},
             "expenseEntry":[
               {"entryApprovedAmount":10,"entryOrgUnit4Code":"ENTRY-CC",
                "allocation":[{"allocationCustom4Code":"ALLOC-CC","journal":[
                  {"journalPayer":"COMP","journalPayee":"EMPL","journalAccountCode":"6100","amountGross":10}]}]},
               {"entryApprovedAmount":20,"entryOrgUnit4Code":"ENTRY-CC2",
                "allocation":[{"journal":[
                  {"journalPayer":"COMP","journalPayee":"EMPL","journalAccountCode":"6100","amountGross":20,
                   "journalCustom1Code":"JRN-PRJ"}]}]},
               {"entryApprovedAmount":30,
                "allocation":[{"journal":[
                  {"journalPayer":"COMP","journalPayee":"EMPL","journalAccountCode":"6100","amountGross":30}]}]}]}
            """;

    @Test
    void mappedDimensionsTakeTheMostGranularLevelAndNeverTheEmployee() {
        PostingMapping m = PostingMapping.from(new MappingConfig(null, null, null, null, null, null, Map.of(
                "costCenter", List.of("entryOrgUnit4Code", "allocationCustom4Code"),
                "project", List.of("journalCustom1Code"),
                "businessUnit", List.of("reportOrgUnit1Code")), null));
        PostingDocument doc = new FisJournalBuilder(m).build(FisExamples.parse(DOC)).document();

        assertThat(doc.lines().subList(0, 3)).extracting(l -> l.costObjects()).containsExactly(
                Map.of("costCenter", "ALLOC-CC", "businessUnit", "REP-BU"),
                Map.of("costCenter", "ENTRY-CC2", "project", "JRN-PRJ", "businessUnit", "REP-BU"),
                Map.of("businessUnit", "REP-BU"));
        assertThat(doc.lines()).allSatisfy(l -> assertThat(l.costObjects().values())
                .doesNotContain("EMP-CC", "EMP-PRJ"));
    }

    @Test
    void withoutMappingTheAllocationFieldsElseTheEntryOrgUnitsAreUsed() {
        PostingDocument doc = new FisJournalBuilder(PostingMapping.none()).build(FisExamples.parse(DOC)).document();
        assertThat(doc.lines().subList(0, 3)).extracting(l -> l.costObjects()).containsExactly(
                Map.of("allocationCustom4Code", "ALLOC-CC"),
                Map.of("entryOrgUnit4Code", "ENTRY-CC2"),
                Map.of());
    }
}
