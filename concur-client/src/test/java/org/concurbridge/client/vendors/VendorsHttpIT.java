package org.concurbridge.client.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.concurbridge.client.ConcurException;
import org.concurbridge.client.StubConcur;
import org.concurbridge.client.StubConcur.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** {@link VendorsClient} over real loopback HTTP against scripted Vendor v3.1 answers. */
class VendorsHttpIT {

    private static final String VENDORS = "/us/api/v3.1/invoice/vendors";

    private final StubConcur stub = new StubConcur();
    private final VendorsClient vendors = stub.client().vendors();

    @AfterEach
    void stop() {
        stub.close();
    }

    private static Vendor vendor(String code) {
        return Vendor.builder(code, "MAIN").vendorName("Vendor " + code).countryCode("US").currencyCode("USD")
                .custom(3, "CC-1").build();
    }

    @Test
    void aTwoHundredWithFailedStatusesYieldsFailedStatusesAndAMissingVendorFailsSayingSo() {
        stub.on("POST " + VENDORS, Answer.json(200, StubConcur.resource("vendors/create-mixed-statuses-200.json")));
        List<VendorBatch> delivered = new ArrayList<>();
        VendorBatch batch = vendors.create(List.of(vendor("V1"), vendor("V2"), vendor("V3")), delivered::add);
        assertThat(batch.statuses()).extracting(VendorStatus::ok).containsExactly(true, false, false);
        assertThat(batch.statuses().get(1)).satisfies(s -> {
            assertThat(s.code()).isEqualTo(6000);
            assertThat(s.message()).contains("CountryCode");
            assertThat(s.vendorCode()).isEqualTo("V2");
            assertThat(s.recordNumber()).isEqualTo(2);
        });
        assertThat(batch.statuses().get(2).type()).isEqualTo(VendorStatus.CLIENT_MISSING);
        assertThat(batch.statuses().get(2).message()).contains("no status for this record");
        assertThat(delivered).singleElement().extracting(VendorBatch::failed).isEqualTo(2);
        StubConcur.Seen sent = stub.seen.get(0);
        assertThat(sent.contentLength()).isNotNull();
        JsonNode body = VendorJson.parse(sent.body().getBytes());
        assertThat(body.get("Vendor")).hasSize(3);
        assertThat(body.get("Vendor").get(0).get("Custom3").asString()).isEqualTo("CC-1");
        assertThat(body.get("Vendor").get(0).has("ID")).isFalse();
    }

    @Test
    void statusesInTheVendorMemberAreMatchedByCodesAndZeroBasedRecordNumbers() {
        stub.on("PUT " + VENDORS, Answer.json(200, StubConcur.resource("vendors/update-vendor-member-200.json")));
        VendorBatch batch = vendors.update(List.of(vendor("V1"), vendor("V2")), b -> { });
        assertThat(batch.statuses()).extracting(VendorStatus::ok).containsExactly(true, true);
        assertThat(batch.statuses()).extracting(VendorStatus::message).containsExactly("Vendor updated",
                "Vendor updated");
    }

    @Test
    void batchesAreSplitAtTheBatchSizeInOrder() {
        stub.handler(s -> {
            JsonNode body = VendorJson.parse(s.body().getBytes());
            StringBuilder items = new StringBuilder();
            int i = 1;
            for (JsonNode v : body.get("Vendor")) {
                items.append(items.length() == 0 ? "" : ",").append("{\"VendorCode\":\"")
                        .append(v.get("VendorCode").asString()).append("\",\"AddressCode\":\"MAIN\",\"StatusList\":[")
                        .append("{\"Code\":0,\"Message\":\"ok\",\"RecordNumber\":").append(i++)
                        .append(",\"Type\":\"SUCCESS\"}]}");
            }
            return Answer.json(200, "{\"Items\":[" + items + "]}");
        });
        List<Vendor> list = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            list.add(vendor("V" + i));
        }
        List<Integer> sizes = new ArrayList<>();
        VendorBatch all = vendors.withBatchSize(10).create(list, b -> sizes.add(b.statuses().size()));
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(all.calls()).isEqualTo(3);
        assertThat(all.succeeded()).isEqualTo(25);
        assertThat(all.statuses()).extracting(VendorStatus::vendorCode)
                .containsExactlyElementsOf(list.stream().map(Vendor::vendorCode).toList());
        assertThat(all.statuses()).extracting(VendorStatus::recordNumber).startsWith(1, 2).endsWith(25);
    }

    @Test
    void searchFollowsNextPageOnTheOwnGeolocationOnly() {
        stub.on("GET " + VENDORS, Answer.json(200, StubConcur.resource("vendors/search-page-1.json")),
                Answer.json(200, StubConcur.resource("vendors/search-page-2.json")));
        List<Vendor> all = vendors.all(VendorQuery.all().and("vendorName", "Acme & Sons")).toList();
        assertThat(all).extracting(Vendor::vendorCode).containsExactly("V1", "V2");
        assertThat(all.get(0).banks()).singleElement().satisfies(b -> {
            assertThat(b.vendorCode()).isEqualTo("V1");
            assertThat(b.toString()).doesNotContain("123456789");
        });
        assertThat(all.get(0).groups()).containsExactly("Group A");
        assertThat(all.get(0).custom(3)).isEqualTo("CC-1");
        assertThat(stub.seen).extracting(StubConcur.Seen::rawQuery)
                .containsExactly("limit=1000&vendorName=Acme+%26+Sons", "offset=V1%7CMAIN&limit=1");
        assertThat(stub.seen).allSatisfy(s -> assertThat(s.path()).isEqualTo(VENDORS));

        stub.seen.clear();   // lazy: the first vendor costs one page
        stub.on("GET " + VENDORS, Answer.json(200, StubConcur.resource("vendors/search-page-1.json")));
        assertThat(vendors.all(VendorQuery.all()).findFirst()).map(Vendor::vendorCode).contains("V1");
        assertThat(stub.seen).hasSize(1);
    }

    @Test
    void aCompanyWithoutInvoiceIsNotAnAuthenticationFailure() {
        stub.on("GET " + VENDORS, Answer.json(403, "{\"Message\":\"Forbidden\"}"));
        assertThatThrownBy(() -> vendors.search(VendorQuery.all()))
                .isInstanceOfSatisfying(ConcurException.Permanent.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(VendorsClient.notAvailable(e)).isTrue();
                });
    }

    @Test
    void aFourHundredIsPermanentWithConcursMessage() {
        stub.on("POST " + VENDORS, Answer.json(400, "{\"Message\":\"Invalid request body\"}"));
        List<VendorBatch> delivered = new ArrayList<>();
        assertThatThrownBy(() -> vendors.create(List.of(vendor("V1")), delivered::add))
                .isInstanceOfSatisfying(ConcurException.Permanent.class,
                        e -> assertThat(e.getMessage()).contains("Invalid request body"));
        assertThat(delivered).isEmpty();
    }

    @Test
    void deleteBanksAndGroupsUseTheDocumentedPathsAndQueries() {
        stub.on("DELETE " + VENDORS, Answer.json(200, "{\"Items\":[{\"VendorCode\":\"V 1\",\"AddressCode\":\"A&B\","
                + "\"StatusList\":[{\"Code\":0,\"Message\":\"deleted\",\"Type\":\"SUCCESS\"}]}]}"));
        assertThat(vendors.delete("V 1", "A&B").succeeded()).isEqualTo(1);
        assertThat(stub.seen.get(0).rawQuery()).isEqualTo("vendorCode=V+1&addressCode=A%26B");

        stub.on("PUT /us/api/v3.1/invoice/vendor/banks", Answer.json(200, "{\"VendorBank\":{\"VendorCode\":\"V1\","
                + "\"AddressCode\":\"MAIN\",\"StatusList\":{\"Code\":0,\"Message\":\"ok\",\"RecordNumber\":1,"
                + "\"Type\":\"SUCCESS\"}}}"));
        VendorBatch banks = vendors.putBanks(List.of(VendorBank.of("V1", "MAIN", "DE89370400440532013000", "CHCK",
                "Acme", true)));
        assertThat(banks.succeeded()).isEqualTo(1);
        assertThat(stub.seen.get(1).body()).contains("\"VendorBank\":[").contains("\"IsActive\":\"Y\"");

        stub.on("PUT /us/api/v3.1/invoice/vendor/groups", Answer.json(200, "{\"VendorGroup\":[{\"Name\":\"G2\","
                + "\"StatusList\":[{\"Code\":7,\"Message\":\"unknown group\",\"Type\":\"FAILURE\"}]},{\"Name\":\"G1\","
                + "\"StatusList\":[{\"Code\":0,\"Message\":\"added\",\"Type\":\"SUCCESS\"}]}]}"));
        VendorBatch groups = vendors.putGroups("V1", "MAIN", List.of("G1", "G2"));
        assertThat(groups.statuses()).extracting(VendorStatus::ok).containsExactly(true, false);
        assertThat(stub.seen.get(2).rawQuery()).isEqualTo("vendorCode=V1&addressCode=MAIN");
        assertThat(stub.seen.get(2).body()).isEqualTo("{\"VendorGroup\":[{\"Name\":\"G1\"},{\"Name\":\"G2\"}]}");

        stub.on("DELETE /us/api/v3.1/invoice/vendor/groups", Answer.json(200, "{}"));
        VendorBatch none = vendors.deleteGroup("V1", "MAIN", "G1");
        assertThat(none.statuses()).singleElement().satisfies(s -> {
            assertThat(s.ok()).isFalse();
            assertThat(s.type()).isEqualTo(VendorStatus.CLIENT_MISSING);
        });
        assertThat(stub.seen.get(3).rawQuery()).isEqualTo("vendorCode=V1&addressCode=MAIN&groupName=G1");
    }

    @Test
    void anUnknownStatusVocabularyIsNeverASuccess() {
        stub.on("POST " + VENDORS, Answer.json(200, "{\"Items\":[{\"VendorCode\":\"V1\",\"AddressCode\":\"MAIN\","
                + "\"StatusList\":[{\"Code\":3001,\"Message\":\"queued?\",\"Type\":\"INFO\"}]}]}"));
        VendorStatus s = vendors.create(List.of(vendor("V1")), b -> { }).statuses().get(0);
        assertThat(s.ok()).isFalse();
        assertThat(s.message()).startsWith("status not understood");
        assertThat(List.of(s).stream().map(VendorStatus::code).collect(Collectors.toList())).containsExactly(3001);
    }
}
