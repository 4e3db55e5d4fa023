package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurbridge.sandbox.faults.FaultRule;
import org.concurbridge.sandbox.vendors.StoredVendor;
import org.concurbridge.sandbox.vendors.Vendors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invoice Vendor v3.1 over real HTTP: search (paging by NextPage, sort, search types, filters), batch create/update
 * with per-vendor StatusList in a 200, field limits and cross-field rules, delete, banks, groups, the request-level
 * 400s, products (a company without Invoice), scope and geolocation, the decommissioned v3 paths, faults, the request
 * log and the admin API.
 */
class VendorsIT {

    private static final Http HTTP = new Http();
    private static final String PRO = SandboxDemo.PROFESSIONAL_COMPANY;

    private ConcurSandbox sb;
    private String token;

    @BeforeEach
    void start() {
        sb = ConcurSandbox.builder().seed(77L).build().start();
        token = FisApiITSupport.token(sb, HTTP, PRO);
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    // ------------------------------------------------------------------ helpers

    private URI api(String pathAndQuery) {
        return at(sb.geolocation("us"), "/api/v3.1/invoice" + pathAndQuery);
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return HTTP.get(api(pathAndQuery), token);
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) {
        return send(method, api(pathAndQuery), body, token);
    }

    static HttpResponse<String> send(String method, URI uri, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build());
    }

    static ObjectNode vendor(String code, String address, String name) {
        ObjectNode v = Http.JSON.createObjectNode();
        v.put("VendorCode", code).put("AddressCode", address).put("VendorName", name).put("CountryCode", "US")
                .put("CurrencyCode", "USD");
        return v;
    }

    static String batch(ObjectNode... vendors) {
        ObjectNode root = Http.JSON.createObjectNode();
        ArrayNode list = root.putArray("Vendor");
        for (ObjectNode v : vendors) {
            list.add(v);
        }
        return root.toString();
    }

    private JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static JsonNode status(JsonNode item) {
        assertThat(item.get("StatusList").size()).isEqualTo(1);
        return item.get("StatusList").get(0);
    }

    private static void assertFailure(JsonNode item, int code, String messagePart, int recordNumber) {
        JsonNode s = status(item);
        assertThat(s.get("Type").asString()).isEqualTo(Vendors.FAILURE);
        assertThat(s.get("Code").asInt()).isEqualTo(code);
        assertThat(s.get("Message").asString()).contains(messagePart);
        assertThat(s.get("RecordNumber").asInt()).isEqualTo(recordNumber);
    }

    private static void assertSuccess(JsonNode item, int recordNumber) {
        JsonNode s = status(item);
        assertThat(s.get("Type").asString()).as(item.toString()).isEqualTo(Vendors.SUCCESS);
        assertThat(s.get("Code").asInt()).isEqualTo(Vendors.CODE_OK);
        assertThat(s.get("RecordNumber").asInt()).isEqualTo(recordNumber);
    }

    private static List<String> codes(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("Items").forEach(v -> out.add(v.get("VendorCode").asString() + "/" + v.get("AddressCode").asString()));
        return out;
    }

    private void seedMany(String company, int count) {
        for (int i = 0; i < count; i++) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("VendorCode", String.format("BULK%03d", i));
            v.put("AddressCode", "A");
            v.put("VendorName", String.format("Bulk vendor %03d", i));
            v.put("CountryCode", "US");
            v.put("CurrencyCode", "USD");
            sb.vendors().seed(company, v);
        }
    }

    // ------------------------------------------------------------------ search

    @Test
    void theDemoCompaniesHaveAnExistingVendorMasterSortedByVendorName() {
        JsonNode page = ok(get("/vendors"));
        assertThat(page.propertyNames()).containsExactlyInAnyOrder("Items", "NextPage", "RequestRunSummary",
                "TotalCount");
        assertThat(page.get("TotalCount").asInt()).isEqualTo(5);
        assertThat(page.get("NextPage").isNull()).isTrue();
        assertThat(codes(page)).containsExactly("S100/20095", "GRANDHOTEL/CHICAGO", "GRANDHOTEL/NEWYORK",
                "V-CLEAN-01/MAIN", "S400/94105");
        JsonNode acme = page.get("Items").get(0);
        assertThat(acme.get("VendorName").asString()).isEqualTo("ACME Supplies Ltd");
        assertThat(acme.get("PaymentMethodType").asString()).isEqualTo("CHECK");
        assertThat(acme.get("Approved").asString()).isEqualTo("Y");
        assertThat(acme.get("VendorGroupList").get(0).asString()).isEqualTo("Office supplies");
        assertThat(acme.get("Custom1").isNull()).isTrue();
        assertThat(acme.get("URI").asString()).isEqualTo(sb.geolocation("us")
                + "/api/v3.1/invoice/vendors?vendorCode=S100&addressCode=20095");
        assertThat(HTTP.get(URI.create(acme.get("URI").asString()), token).body()).contains("\"TotalCount\":1");
        assertThat(page.get("Items").get(4).get("VendorBankList").get(0).get("RoutingNumber").asString())
                .isEqualTo("121000358");

        String standardToken = FisApiITSupport.token(sb, HTTP, SandboxDemo.STANDARD_COMPANY);
        JsonNode standard = json(HTTP.get(at(sb.geolocation("eu"), "/api/v3.1/invoice/vendors"), standardToken));
        assertThat(codes(standard)).containsExactly("V-LEGACY-01/HQ", "S200/80802");
    }

    @Test
    void pagesFollowNextPageWithTheDefaultLimitOf25AndAtMost1000() {
        sb.vendors().clear(PRO);
        seedMany(PRO, 60);
        JsonNode first = ok(get("/vendors"));
        assertThat(first.get("Items").size()).isEqualTo(25);
        assertThat(first.get("TotalCount").asInt()).isEqualTo(60);
        List<String> all = new ArrayList<>(codes(first));
        String next = first.get("NextPage").asString();
        assertThat(next).startsWith(sb.geolocation("us") + "/api/v3.1/invoice/vendors?").contains("offset=25");
        int pages = 1;
        while (next != null) {
            JsonNode p = ok(HTTP.get(URI.create(next), token));
            all.addAll(codes(p));
            next = p.get("NextPage").isNull() ? null : p.get("NextPage").asString();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(60).doesNotHaveDuplicates();
        assertThat(all.get(0)).isEqualTo("BULK000/A");
        assertThat(all.get(59)).isEqualTo("BULK059/A");

        JsonNode big = ok(get("/vendors?limit=1000"));
        assertThat(big.get("Items").size()).isEqualTo(60);
        assertThat(big.get("NextPage").isNull()).isTrue();
        JsonNode limited = ok(get("/vendors?limit=7&vendorName=Bulk&searchType=begins"));
        assertThat(limited.get("NextPage").asString()).contains("limit=7").contains("vendorName=Bulk")
                .contains("searchType=begins").contains("offset=7");
        for (String bad : List.of("limit=1001", "limit=0", "limit=ten", "offset=-1", "offset=abc")) {
            HttpResponse<String> r = get("/vendors?" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(r).get("Message").asString()).isNotBlank();
        }
        assertThat(ok(get("/vendors?offset=500")).get("Items").size()).isZero();
    }

    @Test
    void searchTypesFiltersAndSortingFollowTheDocumentedParameters() {
        ObjectNode custom = vendor("ZED-9", "HQ", "Zed Logistics").put("Custom3", "Dept-A")
                .put("Approved", "N").put("PaymentMethodType", "WIRE").put("City", "Portland").put("Country", "USA")
                .put("AccountNumber", "BUY-42").put("TaxID", "99-999");
        assertSuccess(ok(send("POST", "/vendors", batch(custom))).get("Items").get(0), 1);

        assertThat(codes(ok(get("/vendors?vendorCode=s100")))).containsExactly("S100/20095");
        assertThat(codes(ok(get("/vendors?vendorName=grand&searchType=begins"))))
                .containsExactly("GRANDHOTEL/CHICAGO", "GRANDHOTEL/NEWYORK");
        assertThat(codes(ok(get("/vendors?vendorName=hotel&searchType=contains")))).hasSize(2);
        assertThat(codes(ok(get("/vendors?vendorName=inc.&searchType=ends")))).containsExactly("S400/94105");
        assertThat(codes(ok(get("/vendors?vendorName=grand")))).isEmpty();
        assertThat(codes(ok(get("/vendors?custom3=DEPT-A")))).containsExactly("ZED-9/HQ");
        assertThat(codes(ok(get("/vendors?approved=False")))).containsExactly("ZED-9/HQ");
        assertThat(codes(ok(get("/vendors?approved=true")))).hasSize(5);
        assertThat(codes(ok(get("/vendors?paymentMethodType=wire")))).containsExactly("ZED-9/HQ");
        assertThat(codes(ok(get("/vendors?buyerAccountNumber=BUY-42")))).containsExactly("ZED-9/HQ");
        assertThat(codes(ok(get("/vendors?taxID=99-999&city=portland")))).containsExactly("ZED-9/HQ");
        assertThat(codes(ok(get("/vendors?country=DE")))).containsExactly("S100/20095");
        assertThat(codes(ok(get("/vendors?Country=usa")))).containsExactly("ZED-9/HQ");
        assertThat(codes(ok(get("/vendors?SearchType=contains&PostalCode=06")))).containsExactly(
                "GRANDHOTEL/CHICAGO");
        assertThat(codes(ok(get("/vendors?sortBy=VendorCode")))).startsWith("GRANDHOTEL/CHICAGO",
                "GRANDHOTEL/NEWYORK", "S100/20095", "S400/94105", "V-CLEAN-01/MAIN", "ZED-9/HQ");
        assertThat(codes(ok(get("/vendors?sortBy=city&sortDirection=descending")))).containsExactly("S400/94105",
                "ZED-9/HQ", "GRANDHOTEL/NEWYORK", "S100/20095", "GRANDHOTEL/CHICAGO", "V-CLEAN-01/MAIN");
        for (String bad : List.of("searchType=fuzzy", "sortDirection=up", "sortBy=Colour", "approved=maybe",
                "paymentMethodType=CASH")) {
            assertThat(get("/vendors?" + bad).statusCode()).as(bad).isEqualTo(400);
        }
    }

    // ------------------------------------------------------------------ create / update

    @Test
    void aBatchCreateAnswers200WithAStatusPerVendorAndKeepsTheGoodOnes() {
        ObjectNode good = vendor("NEW-1", "MAIN", "New Vendor One");
        ObjectNode duplicate = vendor("s100", "20095", "ACME Supplies Ltd");
        ObjectNode noCurrency = vendor("NEW-2", "MAIN", "No Currency");
        noCurrency.remove("CurrencyCode");
        ObjectNode tooLong = vendor("NEW-3", "MAIN", "x".repeat(256));
        ObjectNode good2 = vendor("NEW-4", "B", "New Vendor Four").put("Custom20", "c".repeat(48));
        JsonNode body = ok(send("POST", "/vendors", batch(good, duplicate, noCurrency, tooLong, good2)));
        JsonNode items = body.get("Items");
        assertThat(items.size()).isEqualTo(5);
        assertThat(body.get("TotalCount").asInt()).isEqualTo(5);
        assertThat(body.get("RequestRunSummary").asString()).contains("succeeded: 2").contains("failed: 3");
        assertSuccess(items.get(0), 1);
        assertThat(items.get(0).get("ID").asString()).isNotBlank();
        assertThat(items.get(0).get("PaymentMethodType").asString()).isEqualTo("CLIENT");
        assertThat(items.get(0).get("IsVisibleForContentExtraction").asString()).isEqualTo("Y");
        assertThat(items.get(0).get("IsLineItemVatIncld").asString()).isEqualTo("N");
        assertFailure(items.get(1), Vendors.CODE_DUPLICATE, "already exists", 2);
        assertFailure(items.get(2), Vendors.CODE_MISSING_OR_LIMIT, "CurrencyCode", 3);
        assertThat(items.get(2).get("VendorCode").asString()).isEqualTo("NEW-2");
        assertFailure(items.get(3), Vendors.CODE_MISSING_OR_LIMIT, "VendorName exceeds the maximum of 255", 4);
        assertSuccess(items.get(4), 5);
        assertThat(sb.vendors().find(PRO, "new-1", "main")).isPresent();
        assertThat(sb.vendors().find(PRO, "NEW-2", "MAIN")).isEmpty();
        assertThat(sb.vendors().find(PRO, "NEW-3", "MAIN")).isEmpty();
        assertThat(sb.vendors().count(PRO)).isEqualTo(7);
        assertThat(ok(send("POST", "/vendors", batch(vendor("new-1", "Main", "New Vendor One")))).get("Items")
                .get(0).get("StatusList").get(0).get("Code").asInt()).isEqualTo(Vendors.CODE_DUPLICATE);
    }

    @Test
    void everyDocumentedLimitAndRuleFailsOnlyItsVendor() {
        Map<String, ObjectNode> cases = new LinkedHashMap<>();
        cases.put("VendorCode exceeds the maximum of 32", vendor("V".repeat(33), "A", "n"));
        cases.put("AddressCode exceeds the maximum of 32", vendor("L1", "A".repeat(33), "n"));
        cases.put("PostalCode exceeds the maximum of 20", vendor("L2", "A", "n").put("PostalCode", "1".repeat(21)));
        cases.put("TaxID exceeds the maximum of 48", vendor("L3", "A", "n").put("TaxID", "1".repeat(49)));
        cases.put("AccountNumber exceeds the maximum of 50", vendor("L4", "A", "n").put("AccountNumber",
                "1".repeat(51)));
        cases.put("ContactPhoneNumber exceeds the maximum of 25", vendor("L5", "A", "n").put("ContactPhoneNumber",
                "1".repeat(26)));
        cases.put("Custom7 exceeds the maximum of 48", vendor("L6", "A", "n").put("Custom7", "c".repeat(49)));
        cases.put("ShippingMethod exceeds the maximum of 10", vendor("L7", "A", "n").put("ShippingMethod",
                "s".repeat(11)));
        cases.put("VoucherNotes exceeds the maximum of 250", vendor("L8", "A", "n").put("VoucherNotes",
                "v".repeat(251)));
        cases.put("CountryCode must be upper case", vendor("R1", "A", "n").put("CountryCode", "us"));
        cases.put("ISO 3166-1", vendor("R2", "A", "n").put("CountryCode", "XX"));
        cases.put("ISO 4217", vendor("R3", "A", "n").put("CurrencyCode", "DOL"));
        cases.put("PaymentMethodType must be one of", vendor("R4", "A", "n").put("PaymentMethodType", "CASH"));
        cases.put("PaymentTerms must be a whole number from 1 to 999", vendor("R5", "A", "n")
                .put("PaymentTerms", "1000"));
        cases.put("DiscountTermsDays must be a whole number from 1 to 998", vendor("R6", "A", "n")
                .put("DiscountTermsDays", "999"));
        cases.put("number(11,8)", vendor("R7", "A", "n").put("DiscountPercentage", "1.123456789"));
        cases.put("TaxType must be one of", vendor("R8", "A", "n").put("TaxType", "VAT"));
        cases.put("Approved must be Y or N", vendor("R9", "A", "n").put("Approved", "yes"));
        cases.put("ProvincialTaxID must be letters and digits", vendor("R10", "A", "n").put("ProvincialTaxID",
                "AB-12"));
        cases.put("ContactEmail is required when PaymentMethodType is VCHER", vendor("R11", "A", "n")
                .put("PaymentMethodType", "VCHER"));
        cases.put("State is required for CountryCode UA", vendor("R12", "A", "n").put("CountryCode", "UA")
                .put("CurrencyCode", "UAH"));
        cases.put("embargoed region", vendor("R13", "A", "n").put("CountryCode", "UA").put("CurrencyCode", "UAH")
                .put("State", "Crimea"));
        cases.put("one Vendor Name per Vendor Code", vendor("GRANDHOTEL", "BOSTON", "Grand Hotels Boston"));
        cases.put("TaxID must be identical", vendor("S400", "OTHER", "Umbrella Travel Inc.").put("TaxID", "1-1"));
        cases.put("Unknown field 'BuyerAccountNumber'", vendor("R14", "A", "n").put("BuyerAccountNumber", "1"));
        cases.put("The required field AddressCode is missing", vendor("R15", "", "n"));
        cases.put("The required field CountryCode is missing", (ObjectNode) vendor("R16", "A", "n")
                .putNull("CountryCode"));
        ObjectNode[] all = new ObjectNode[cases.size() + 1];
        cases.values().toArray(all);
        all[cases.size()] = vendor("LIMITS-OK", "A", "n".repeat(255)).put("PostalCode", "1".repeat(20))
                .put("Custom7", "c".repeat(48)).put("PaymentTerms", 999).put("DiscountPercentage", "100.12345678")
                .put("CountryCode", "UA").put("CurrencyCode", "uah").put("State", "Kyiv");
        JsonNode items = ok(send("POST", "/vendors", batch(all))).get("Items");
        int i = 0;
        for (String expected : cases.keySet()) {
            JsonNode s = status(items.get(i));
            assertThat(s.get("Type").asString()).as(expected).isEqualTo(Vendors.FAILURE);
            assertThat(s.get("Message").asString()).as(items.get(i).toString()).contains(expected);
            assertThat(s.get("RecordNumber").asInt()).isEqualTo(i + 1);
            i++;
        }
        assertSuccess(items.get(i), i + 1);
        assertThat(items.get(i).get("CurrencyCode").asString()).isEqualTo("UAH");
        assertThat(items.get(i).get("PaymentTerms").asString()).isEqualTo("999");
        assertThat(sb.vendors().count(PRO)).isEqualTo(6);
        // a second address of an existing code with the same name and TaxID is fine
        assertSuccess(ok(send("POST", "/vendors", batch(vendor("S400", "LA", "umbrella travel inc.")
                .put("TaxID", "12-3456789")))).get("Items").get(0), 1);
    }

    @Test
    void anUpdateChangesOnlyTheSuppliedFieldsAndNClearsTheClearableOnes() {
        ObjectNode v = vendor("UPD-1", "A", "Before").put("City", "Denver").put("AccountNumber", "ACC-1")
                .put("DefaultEmployeeID", "E1").put("Custom2", "keep");
        assertSuccess(ok(send("POST", "/vendors", batch(v))).get("Items").get(0), 1);
        ObjectNode update = vendor("upd-1", "a", "After").put("AccountNumber", "N").put("DefaultEmployeeID", "")
                .put("ContactEmail", "ap@example.com");
        ObjectNode missing = vendor("NOPE", "A", "x");
        JsonNode items = ok(send("PUT", "/vendors", batch(update, missing))).get("Items");
        assertSuccess(items.get(0), 1);
        assertThat(items.get(0).get("VendorName").asString()).isEqualTo("After");
        assertFailure(items.get(1), Vendors.CODE_NOT_FOUND, "No vendor", 2);
        StoredVendor stored = sb.vendors().find(PRO, "UPD-1", "A").orElseThrow();
        assertThat(stored.vendorCode()).isEqualTo("UPD-1");
        assertThat(stored.vendorName()).isEqualTo("After");
        assertThat(stored.field("City")).isEqualTo("Denver");
        assertThat(stored.field("Custom2")).isEqualTo("keep");
        assertThat(stored.field("AccountNumber")).isNull();
        assertThat(stored.field("DefaultEmployeeID")).isEqualTo("E1");
        assertThat(stored.field("ContactEmail")).isEqualTo("ap@example.com");
        assertThat(stored.updatedAt()).isAfterOrEqualTo(stored.createdAt());

        // one name per code: a new name on one address renames the code
        assertSuccess(ok(send("PUT", "/vendors", batch(vendor("GRANDHOTEL", "CHICAGO", "Grand Hotels Intl"))))
                .get("Items").get(0), 1);
        assertThat(sb.vendors().find(PRO, "GRANDHOTEL", "NEWYORK").orElseThrow().vendorName())
                .isEqualTo("Grand Hotels Intl");
        // an update is validated like a create
        assertFailure(ok(send("PUT", "/vendors", batch(vendor("UPD-1", "A", "After").put("PostalCode",
                "9".repeat(21))))).get("Items").get(0), Vendors.CODE_MISSING_OR_LIMIT, "PostalCode", 1);
    }

    @Test
    void malformedRequestsAnswer400WithAMessageAndChangeNothing() {
        int before = sb.vendors().count(PRO);
        for (String bad : List.of("", "not json", "[]", "{}", "{\"Vendor\":{}}", "{\"Vendor\":[]}",
                "{\"Vendor\":[1]}", "{\"Vendors\":[{}]}")) {
            HttpResponse<String> r = send("POST", "/vendors", bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(r).get("Message").asString()).as(bad).isNotBlank();
        }
        ObjectNode[] many = new ObjectNode[Vendors.MAX_BATCH + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = vendor("MANY" + i, "A", "Many " + i);
        }
        HttpResponse<String> tooMany = send("POST", "/vendors", batch(many));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get("Message").asString()).contains("1000").contains("1001");
        assertThat(send("PUT", "/vendors", batch(many)).statusCode()).isEqualTo(400);
        assertThat(sb.vendors().count(PRO)).isEqualTo(before);

        ObjectNode[] max = new ObjectNode[Vendors.MAX_BATCH];
        System.arraycopy(many, 0, max, 0, max.length);
        JsonNode body = ok(send("POST", "/vendors", batch(max)));
        assertThat(body.get("Items").size()).isEqualTo(1000);
        assertThat(sb.vendors().count(PRO)).isEqualTo(before + 1000);
    }

    // ------------------------------------------------------------------ delete

    @Test
    void deleteRemovesOneAddressByVendorCodeAndAddressCode() {
        JsonNode deleted = ok(send("DELETE", "/vendors?vendorCode=grandhotel&addressCode=Chicago", null));
        assertSuccess(deleted.get("Items").get(0), 1);
        assertThat(deleted.get("Items").get(0).get("VendorName").asString()).isEqualTo("Grand Hotel Group");
        assertThat(sb.vendors().find(PRO, "GRANDHOTEL", "CHICAGO")).isEmpty();
        assertThat(sb.vendors().find(PRO, "GRANDHOTEL", "NEWYORK")).isPresent();
        assertFailure(ok(send("DELETE", "/vendors?vendorCode=GRANDHOTEL&addressCode=CHICAGO", null)).get("Items")
                .get(0), Vendors.CODE_NOT_FOUND, "No vendor", 1);
        assertThat(send("DELETE", "/vendors?vendorCode=GRANDHOTEL", null).statusCode()).isEqualTo(400);
        assertThat(json(send("DELETE", "/vendors", null)).get("Message").asString()).contains("addressCode");
    }

    // ------------------------------------------------------------------ banks and groups

    @Test
    void banksAreAddedOrUpdatedByAccountNumberAndValidated() {
        String bank = "{\"VendorBank\":[{\"VendorCode\":\"s100\",\"AddressCode\":\"20095\",\"AccountNumber\":"
                + "\"DE89370400440532013000\",\"AccountType\":\"CHCK\",\"NameOnAccount\":\"ACME Supplies Ltd\","
                + "\"IsActive\":\"Y\",\"RoutingNumber\":\"COBADEFFXXX\",\"CountryCode\":\"DE\","
                + "\"CurrencyAlphaCode\":\"eur\",\"TransType\":\"ACH\"}]}";
        JsonNode added = ok(send("PUT", "/vendor/banks", bank)).get("Items").get(0);
        assertSuccess(added, 1);
        assertThat(added.get("StatusList").get(0).get("Message").asString()).contains("added");
        assertThat(added.get("CurrencyAlphaCode").asString()).isEqualTo("EUR");
        assertThat(added.get("VendorCode").asString()).isEqualTo("S100");
        JsonNode updated = ok(send("PUT", "/vendor/banks", bank.replace("ACME Supplies Ltd", "ACME Ltd")))
                .get("Items").get(0);
        assertThat(updated.get("StatusList").get(0).get("Message").asString()).contains("updated");
        assertThat(updated.get("ID").asString()).isEqualTo(added.get("ID").asString());
        StoredVendor acme = sb.vendors().find(PRO, "S100", "20095").orElseThrow();
        assertThat(acme.banks()).hasSize(1);
        assertThat(acme.banks().get(0).field("NameOnAccount")).isEqualTo("ACME Ltd");
        assertThat(acme.banks().get(0).field("CountryCode")).isEqualTo("DE");

        String defaults = "{\"VendorBank\":[{\"VendorCode\":\"S100\",\"AddressCode\":\"20095\",\"AccountNumber\":"
                + "\"123\",\"AccountType\":\"SAVE\",\"NameOnAccount\":\"n\",\"IsActive\":\"N\"}]}";
        JsonNode savings = ok(send("PUT", "/vendor/banks", defaults)).get("Items").get(0);
        assertSuccess(savings, 1);
        assertThat(savings.get("CountryCode").asString()).isEqualTo("US");
        assertThat(savings.get("CurrencyAlphaCode").asString()).isEqualTo("USD");
        JsonNode listed = ok(get("/vendors?vendorCode=S100")).get("Items").get(0).get("VendorBankList");
        assertThat(listed.size()).as("only active banks are listed").isEqualTo(1);

        Map<String, String> failures = new LinkedHashMap<>();
        failures.put("\"AccountType\":\"SAVE\"", "SAVE for a US account");
        failures.put("\"CurrencyAlphaCode\":\"JPY\"", "CurrencyAlphaCode must be USD, EUR, AUD or GBP");
        failures.put("\"TransType\":\"WIRE\"", "TransType must be ACH");
        failures.put("\"IsActive\":\"yes\"", "IsActive must be Y or N");
        failures.put("\"NameOnAccount\":null", "NameOnAccount is missing");
        failures.put("\"AddressCode\":\"NOPE\"", "No vendor");
        failures.put("\"CountryCode\":\"de\"", "CountryCode");
        for (Map.Entry<String, String> f : failures.entrySet()) {
            String key = f.getKey().substring(0, f.getKey().indexOf(':'));
            String changed = bank.replaceAll(key + ":(\"[^\"]*\"|null)", f.getKey());
            if (!changed.contains(f.getKey())) {
                changed = changed.replace("{\"VendorCode\"", "{" + f.getKey() + ",\"VendorCode\"");
            }
            JsonNode item = ok(send("PUT", "/vendor/banks", changed)).get("Items").get(0);
            assertThat(status(item).get("Type").asString()).as(changed).isEqualTo(Vendors.FAILURE);
            assertThat(status(item).get("Message").asString()).as(changed).contains(f.getValue());
        }
        assertThat(send("PUT", "/vendor/banks", "{\"VendorBank\":[]}").statusCode()).isEqualTo(400);
    }

    @Test
    void groupsAreAddedAndDeletedThroughTheQueryNamedVendor() {
        JsonNode added = ok(send("PUT", "/vendor/groups?vendorCode=S400&addressCode=94105",
                "{\"VendorGroup\":[{\"Name\":\"Travel\"},{\"Name\":\"Preferred\"},{\"Name\":\"\"}]}"));
        assertSuccess(added.get("Items").get(0), 1);
        assertSuccess(added.get("Items").get(1), 2);
        assertFailure(added.get("Items").get(2), Vendors.CODE_MISSING_OR_LIMIT, "Name", 3);
        assertThat(sb.vendors().find(PRO, "S400", "94105").orElseThrow().groups()).containsExactly("Travel",
                "Preferred");
        JsonNode again = ok(send("PUT", "/vendor/groups?vendorCode=S400&addressCode=94105",
                "{\"VendorGroup\":[{\"Name\":\"travel\"}]}"));
        assertSuccess(again.get("Items").get(0), 1);
        assertThat(sb.vendors().find(PRO, "S400", "94105").orElseThrow().groups()).hasSize(2);
        assertThat(ok(get("/vendors?vendorCode=S400")).get("Items").get(0).get("VendorGroupList").size())
                .isEqualTo(2);

        assertSuccess(ok(send("DELETE", "/vendor/groups?vendorCode=S400&addressCode=94105&groupName=TRAVEL",
                null)).get("Items").get(0), 1);
        assertThat(sb.vendors().find(PRO, "S400", "94105").orElseThrow().groups()).containsExactly("Preferred");
        assertFailure(ok(send("DELETE", "/vendor/groups?vendorCode=S400&addressCode=94105&groupName=Travel",
                null)).get("Items").get(0), Vendors.CODE_NOT_FOUND, "not in the group", 1);
        assertFailure(ok(send("PUT", "/vendor/groups?vendorCode=NOPE&addressCode=1",
                "{\"VendorGroup\":[{\"Name\":\"x\"}]}")).get("Items").get(0), Vendors.CODE_NOT_FOUND, "No vendor", 1);
        assertThat(send("PUT", "/vendor/groups?vendorCode=S400", "{\"VendorGroup\":[{\"Name\":\"x\"}]}")
                .statusCode()).isEqualTo(400);
        assertThat(send("DELETE", "/vendor/groups?vendorCode=S400&addressCode=94105", null).statusCode())
                .isEqualTo(400);
    }

    // ------------------------------------------------------------------ callers, products, v3

    @Test
    void callersNeedATokenWithInvvenAtTheHomeGeolocationForACompanyWithInvoice() {
        assertThat(HTTP.get(api("/vendors"), null).statusCode()).isEqualTo(401);
        assertThat(HTTP.get(api("/vendors"), "bogus").statusCode()).isEqualTo(401);
        HttpResponse<String> moved = HTTP.get(at(sb.geolocation("eu"), "/api/v3.1/invoice/vendors?limit=5"), token);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue(sb.geolocation("us")
                + "/api/v3.1/invoice/vendors?limit=5");

        sb.registerApp("no-invven", "secret", "http://localhost/x", "openid company.read LIST");
        Map<String, String> form = Http.passwordGrant(PRO, sb.companyRequestToken(PRO));
        form.put("client_id", "no-invven");
        form.put("client_secret", "secret");
        String narrow = json(HTTP.postForm(at(sb.geolocation("glz"), "/oauth2/v0/token"), form))
                .get("access_token").asString();
        HttpResponse<String> noScope = HTTP.get(api("/vendors"), narrow);
        assertThat(noScope.statusCode()).isEqualTo(403);
        assertThat(json(noScope).get("Message").asString()).contains("INVVEN");

        String travel = FisApiITSupport.token(sb, HTTP, SandboxDemo.UNKNOWN_EDITION_COMPANY);
        HttpResponse<String> noInvoice = HTTP.get(api("/vendors"), travel);
        assertThat(noInvoice.statusCode()).isEqualTo(403);
        assertThat(json(noInvoice).get("Message").asString()).contains("Concur Invoice");

        SandboxCompany expenseOnly = sb.addCompany("0b5c3e1a-9d2f-4e6b-8a7c-1d2e3f4a5b6c", "Expense Only AG", "CTE",
                "us", EnumSet.of(SandboxProduct.EXPENSE));
        assertThat(sb.products(expenseOnly.uuid())).containsExactly(SandboxProduct.EXPENSE);
        String expenseToken = FisApiITSupport.token(sb, HTTP, expenseOnly.uuid());
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            assertThat(send(method, api("/vendors?vendorCode=a&addressCode=b"), method.equals("GET")
                    || method.equals("DELETE") ? null : batch(vendor("A", "B", "c")), expenseToken).statusCode())
                    .as(method).isEqualTo(403);
        }
        assertThat(send("PUT", api("/vendor/banks"), "{\"VendorBank\":[{}]}", expenseToken).statusCode())
                .isEqualTo(403);
        sb.products(expenseOnly.uuid(), EnumSet.of(SandboxProduct.EXPENSE, SandboxProduct.INVOICE));
        assertThat(HTTP.get(api("/vendors"), expenseToken).statusCode()).isEqualTo(200);
        assertThat(sb.products(PRO)).containsExactlyInAnyOrder(SandboxProduct.EXPENSE, SandboxProduct.INVOICE);
    }

    @Test
    void theDecommissionedV3PathsAnswer404UnlessBroughtBack() {
        URI v3 = at(sb.geolocation("us"), "/api/v3.0/invoice/vendors");
        HttpResponse<String> gone = HTTP.get(v3, token);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("Message").asString()).contains("decommissioned").contains("v3.1");
        assertThat(send("POST", v3, batch(vendor("A", "B", "c")), token).statusCode()).isEqualTo(404);
        assertThat(send("PUT", at(sb.geolocation("us"), "/api/v3.0/invoice/vendor/banks"), "{}", token)
                .statusCode()).isEqualTo(404);

        sb.vendors().v3Available(true);
        ObjectNode bare = Http.JSON.createObjectNode().put("VendorCode", "OLD").put("AddressCode", "1")
                .put("VendorName", "Old API");
        JsonNode created = ok(send("POST", v3, batch(bare), token)).get("Items").get(0);
        assertSuccess(created, 1);
        assertThat(created.get("CountryCode").asString()).isEqualTo("US");
        assertThat(created.get("CurrencyCode").asString()).isEqualTo("USD");
        assertThat(created.get("URI").asString()).contains("/api/v3.0/invoice/vendors?");
        assertThat(ok(HTTP.get(v3, token)).get("TotalCount").asInt()).isEqualTo(6);
        assertFailure(ok(send("POST", api("/vendors"), batch(bare.put("AddressCode", "2")), token)).get("Items")
                .get(0), Vendors.CODE_MISSING_OR_LIMIT, "CountryCode", 1);
    }

    @Test
    void xmlIsNotEmulatedAndSaysSo() {
        HttpResponse<String> xml = HTTP.send(HttpRequest.newBuilder(api("/vendors"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/xml").GET().build());
        assertThat(xml.statusCode()).isEqualTo(406);
        HttpResponse<String> xmlBody = HTTP.send(HttpRequest.newBuilder(api("/vendors"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<Vendors/>")).build());
        assertThat(xmlBody.statusCode()).isEqualTo(415);
        assertThat(json(xmlBody).get("Message").asString()).contains("JSON");
    }

    // ------------------------------------------------------------------ faults, request log, admin

    @Test
    void faultsAndTheRequestLogApplyToTheVendorRoutes() {
        sb.clearRequests();
        sb.faults().add(FaultRule.on("POST", "/api/v3.1/invoice/vendors").status(429).times(1));
        HttpResponse<String> limited = send("POST", "/vendors", batch(vendor("F-1", "A", "Fault")));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(sb.vendors().find(PRO, "F-1", "A")).isEmpty();
        assertSuccess(ok(send("POST", "/vendors", batch(vendor("F-1", "A", "Fault")))).get("Items").get(0), 1);
        assertThat(sb.requests()).extracting(RecordedRequest::path, RecordedRequest::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/api/v3.1/invoice/vendors", 429),
                org.assertj.core.groups.Tuple.tuple("/api/v3.1/invoice/vendors", 200));
        assertThat(sb.requests().get(1).body()).contains("F-1");

        // a reset mid-batch: the client cannot tell whether the batch was applied (here it was not)
        sb.faults().add(FaultRule.on("POST", "/api/v3.1/invoice/vendors").reset().times(1));
        assertThatThrownBy(() -> HTTP.sendRaw(HttpRequest.newBuilder(api("/vendors"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batch(vendor("F-2", "A", "Reset")))).build()))
                .isInstanceOf(java.io.IOException.class);
        assertThat(sb.vendors().find(PRO, "F-2", "A")).isEmpty();
    }

    @Test
    void theAdminApiSeedsAndReadsTheVendorMasterAndProducts() {
        URI admin = at(sb.baseUri(), "/admin/vendors/companies/" + PRO + "/vendors");
        JsonNode listed = json(HTTP.get(admin, null));
        assertThat(listed.size()).isEqualTo(5);
        assertThat(listed.get(0).get("fields").get("VendorCode").asString()).isEqualTo("GRANDHOTEL");
        assertThat(listed.get(0).get("id").asString()).isNotBlank();
        HttpResponse<String> seeded = send("POST", admin, batch(vendor("ADM-1", "X", "Admin Seeded")), null);
        assertThat(seeded.statusCode()).isEqualTo(201);
        assertThat(json(HTTP.get(URI.create(admin + "?vendorCode=adm-1&addressCode=x"), null)).get(0)
                .get("fields").get("VendorName").asString()).isEqualTo("Admin Seeded");
        HttpResponse<String> dup = send("POST", admin, batch(vendor("ADM-1", "X", "Admin Seeded")), null);
        assertThat(dup.statusCode()).isEqualTo(400);
        assertThat(dup.body()).contains("already exists");
        assertThat(send("POST", at(sb.baseUri(), "/admin/vendors/companies/" + PRO
                + "/groups?vendorCode=ADM-1&addressCode=X&groupName=G1"), "", null).statusCode()).isEqualTo(200);
        HttpResponse<String> bank = send("POST", at(sb.baseUri(), "/admin/vendors/companies/" + PRO + "/banks"),
                "{\"VendorCode\":\"ADM-1\",\"AddressCode\":\"X\",\"AccountNumber\":\"1\",\"AccountType\":\"CHCK\","
                        + "\"NameOnAccount\":\"A\",\"IsActive\":\"Y\"}", null);
        assertThat(bank.statusCode()).as(bank.body()).isEqualTo(201);
        StoredVendor adm = sb.vendors().find(PRO, "ADM-1", "X").orElseThrow();
        assertThat(adm.groups()).containsExactly("G1");
        assertThat(adm.banks()).hasSize(1);
        assertThat(HTTP.get(at(sb.baseUri(), "/admin/vendors/companies/nope/vendors"), null).statusCode())
                .isEqualTo(404);
        assertThat(json(send("DELETE", admin, null, null)).get("deleted").asInt()).isEqualTo(6);
        assertThat(sb.vendors().count(PRO)).isZero();

        HttpResponse<String> created = HTTP.postJson(at(sb.baseUri(), "/admin/companies"),
                "{\"name\":\"No Invoice SA\",\"marketingName\":\"CTE\",\"geo\":\"eu\",\"products\":[\"expense\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        String uuid = json(created).get("uuid").asString();
        assertThat(json(created).get("products").toString()).isEqualTo("[\"EXPENSE\"]");
        assertThat(sb.products(uuid)).containsExactly(SandboxProduct.EXPENSE);
        HttpResponse<String> changed = send("PUT", at(sb.baseUri(), "/admin/companies/" + uuid + "/products"),
                "[\"EXPENSE\",\"INVOICE\"]", null);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(sb.products(uuid)).contains(SandboxProduct.INVOICE);
        assertThat(send("PUT", at(sb.baseUri(), "/admin/companies/" + uuid + "/products"), "[\"TRAVEL\"]", null)
                .statusCode()).isEqualTo(400);
        JsonNode companies = json(HTTP.get(at(sb.baseUri(), "/admin/companies"), null));
        assertThat(companies.get(0).get("products").size()).isEqualTo(2);
        assertThat(companies.get(2).get("products").size()).isZero();

        assertThat(send("POST", at(sb.baseUri(), "/admin/vendors/v3-available?value=true"), "", null).statusCode())
                .isEqualTo(200);
        assertThat(sb.vendors().v3Available()).isTrue();
    }

    @Test
    void aLargeExistingVendorMasterIsGeneratedAndPagedInThousands() {
        assertThat(sb.vendors().generate(PRO, "GEN", 2500)).isEqualTo(2500);
        assertThat(sb.vendors().generate(PRO, "GEN", 2501)).isEqualTo(1);
        HttpResponse<String> viaAdmin = send("POST", at(sb.baseUri(), "/admin/vendors/companies/" + PRO
                + "/generate?prefix=ADM&count=3"), "", null);
        assertThat(json(viaAdmin).get("added").asInt()).isEqualTo(3);
        JsonNode page = ok(get("/vendors?vendorCode=GEN&searchType=begins&limit=1000&sortBy=VendorCode"));
        assertThat(page.get("TotalCount").asInt()).isEqualTo(2501);
        assertThat(page.get("Items").get(0).get("VendorCode").asString()).isEqualTo("GEN00001");
        int seen = page.get("Items").size();
        String next = page.get("NextPage").asString();
        while (next != null) {
            JsonNode p = ok(HTTP.get(URI.create(next), token));
            seen += p.get("Items").size();
            next = p.get("NextPage").isNull() ? null : p.get("NextPage").asString();
        }
        assertThat(seen).isEqualTo(2501);
        assertThatThrownBy(() -> sb.vendors().generate(PRO, "", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theJavaApiRejectsWhatThePostWouldReject() {
        assertThatThrownBy(() -> sb.vendors().seed(PRO, Map.of("VendorCode", "J1", "AddressCode", "A")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CountryCode");
        assertThatThrownBy(() -> sb.vendors().seedJson(PRO, batch(vendor("J2", "A", "ok"), vendor("S100", "20095",
                "dup")))).hasMessageContaining("record 2").hasMessageContaining("already exists");
        assertThat(sb.vendors().find(PRO, "J2", "A")).isPresent();
        assertThatThrownBy(() -> sb.vendors().all("nope")).hasMessageStartingWith("no company");
    }
}
