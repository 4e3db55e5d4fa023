package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.concurbridge.sandbox.vendors.Vendors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Vendor v3.1 answers against the documentation: every member of the v3.1 Vendor and VendorBank schemas (fixtures in
 * src/test/resources/vendors, always run), and the 2015 examples in shared/concur-api/examples/vendors-v3 (shape only:
 * element names, the three request lines, the failure sample's status and code), skipped with a printed line when
 * that folder is not beside the repository.
 */
class VendorsConformanceIT {

    /** 2015 element names → the current schema's (vendors-v3.md "Examples": [CONFLICT]). */
    private static final Map<String, String> RENAMED = Map.of(
            "BuyerAccountNumber", "AccountNumber",
            "PaymentTermDays", "PaymentTerms",
            "Shippingmethod", "ShippingMethod",
            "DiscountTemsDays", "DiscountTermsDays");

    private static final Http HTTP = new Http();
    private static final String PRO = SandboxDemo.PROFESSIONAL_COMPANY;

    private ConcurSandbox sb;
    private String token;

    @BeforeEach
    void start() {
        sb = ConcurSandbox.builder().seed(5L).build().start();
        token = FisApiITSupport.token(sb, HTTP, PRO);
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    private URI api(String pathAndQuery) {
        return at(sb.geolocation("us"), "/api/v3.1/invoice" + pathAndQuery);
    }

    @Test
    void vendorsCarryExactlyTheMembersOfTheV31Schema() throws IOException {
        JsonNode item = json(HTTP.get(api("/vendors?limit=1"), token)).get("Items").get(0);
        assertThat(new TreeSet<>(item.propertyNames())).isEqualTo(new TreeSet<>(fixture("v3.1-vendor-members.txt")));
        JsonNode created = json(VendorsIT.send("POST", api("/vendors"),
                VendorsIT.batch(VendorsIT.vendor("SHAPE-1", "A", "Shape")), token)).get("Items").get(0);
        Set<String> withStatus = new TreeSet<>(fixture("v3.1-vendor-members.txt"));
        withStatus.add("StatusList");
        assertThat(new TreeSet<>(created.propertyNames())).isEqualTo(withStatus);
        assertThat(new TreeSet<>(created.get("StatusList").get(0).propertyNames()))
                .containsExactly("Code", "Message", "RecordNumber", "Type");
    }

    @Test
    void banksCarryExactlyTheMembersOfTheV31Schema() throws IOException {
        JsonNode listed = json(HTTP.get(api("/vendors?vendorCode=S400"), token)).get("Items").get(0)
                .get("VendorBankList").get(0);
        assertThat(new TreeSet<>(listed.propertyNames()))
                .isEqualTo(new TreeSet<>(fixture("v3.1-vendorbank-members.txt")));
        String bank = "{\"VendorBank\":[{\"VendorCode\":\"S100\",\"AddressCode\":\"20095\",\"AccountNumber\":\"9\","
                + "\"AccountType\":\"CHCK\",\"NameOnAccount\":\"ACME\",\"IsActive\":\"Y\"}]}";
        JsonNode put = json(VendorsIT.send("PUT", api("/vendor/banks"), bank, token));
        assertThat(put.propertyNames()).containsExactlyInAnyOrder("Items", "NextPage", "RequestRunSummary",
                "TotalCount");
        Set<String> withStatus = new TreeSet<>(fixture("v3.1-vendorbank-members.txt"));
        withStatus.add("StatusList");
        assertThat(new TreeSet<>(put.get("Items").get(0).propertyNames())).isEqualTo(withStatus);
    }

    @Test
    void theHistoricalVendorHasTheElementsOfTheSandboxVendorAndRoundTrips() throws IOException {
        Path dir = historical();
        String text = Files.readString(dir.resolve("get-vendors-response.txt"));
        Element vendors = XmlDoc.parse(text.substring(text.indexOf("<Vendors>")));
        assertThat(vendors.getLocalName()).isEqualTo("Vendors");
        Element sample = XmlDoc.children(vendors, "Vendor").get(0);
        ObjectNode request = Http.JSON.createObjectNode();
        for (Element e : XmlDoc.children(sample)) {
            request.put(RENAMED.getOrDefault(e.getLocalName(), e.getLocalName()), e.getTextContent().trim());
        }
        JsonNode created = json(VendorsIT.send("POST", api("/vendors"), VendorsIT.batch(request), token))
                .get("Items").get(0);
        assertThat(created.get("StatusList").get(0).get("Type").asString()).as(created.toString())
                .isEqualTo(Vendors.SUCCESS);
        JsonNode read = json(HTTP.get(api("/vendors?vendorCode=Vendor123&addressCode=Address123"), token))
                .get("Items").get(0);
        List<String> differences = new ArrayList<>();
        for (String name : request.propertyNames()) {
            String expected = request.get(name).asString();
            JsonNode actual = read.get(name);
            if (actual == null) {
                differences.add(name + ": missing");
            } else if (!(expected.isEmpty() ? actual.isNull() : expected.equals(actual.asString()))) {
                differences.add(name + ": expected '" + expected + "', got " + actual);
            }
        }
        assertThat(differences).isEmpty();
        System.out.println("VendorsConformanceIT: compared " + request.size() + " elements of " + dir
                .resolve("get-vendors-response.txt"));
    }

    @Test
    void theHistoricalRequestLinesWorkOnV31() throws IOException {
        Path dir = historical();
        List<String> lines = Files.readAllLines(dir.resolve("get-vendors-request-examples.txt")).stream()
                .filter(l -> l.trim().startsWith("GET")).toList();
        assertThat(lines).hasSize(3);
        sb.vendors().seed(PRO, Map.of("VendorCode", "UNAPPROVED", "AddressCode", "1", "VendorName", "Pending Ltd",
                "CountryCode", "GB", "CurrencyCode", "GBP", "Approved", "N"));
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String line : lines) {
            String uri = line.trim().split("\\s+")[1].replace("<", "").replace(">", "");
            String pathAndQuery = uri.substring(uri.indexOf("/api/v3.0/invoice/vendors")
                    + "/api/v3.0/invoice".length());
            JsonNode page = json(HTTP.get(api(pathAndQuery), token));
            expected.put(pathAndQuery, page.get("TotalCount").asInt());
        }
        assertThat(expected.values()).containsExactly(6, 4, 5);
        System.out.println("VendorsConformanceIT: ran the request lines of " + dir
                .resolve("get-vendors-request-examples.txt") + " on v3.1: " + expected);
    }

    @Test
    void theHistoricalFailureMapsOntoTheStatusList() throws IOException {
        Path dir = historical();
        Element failure = XmlDoc.children(XmlDoc.parse(Files.readString(dir.resolve("vendor-failure-response.xml"))),
                "Vendor").get(0);
        ObjectNode missing = VendorsIT.vendor("FAIL-1", "A", "Fails");
        missing.remove("VendorCode");
        JsonNode status = json(VendorsIT.send("POST", api("/vendors"), VendorsIT.batch(missing), token))
                .get("Items").get(0).get("StatusList").get(0);
        assertThat(status.get("Type").asString()).isEqualTo(XmlDoc.text(failure, "Status"));
        assertThat(status.get("Code").asString()).isEqualTo(XmlDoc.text(failure, "ErrorCode"));
        assertThat(status.get("Message").asString()).containsIgnoringCase("required field");
        System.out.println("VendorsConformanceIT: compared " + dir.resolve("vendor-failure-response.xml"));
    }

    private static List<String> fixture(String name) throws IOException {
        try (InputStream in = VendorsConformanceIT.class.getResourceAsStream("/vendors/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::trim).toList();
        }
    }

    /** shared/concur-api/examples/vendors-v3/historical-2015 above the module, or a skip that says so. */
    private static Path historical() {
        String override = System.getProperty("concur.api.examples");
        List<Path> candidates = new ArrayList<>();
        if (override != null) {
            candidates.add(Paths.get(override));
        } else {
            for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
                candidates.add(d.resolve("shared/concur-api/examples"));
            }
        }
        for (Path c : candidates) {
            Path dir = c.resolve("vendors-v3/historical-2015");
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        System.out.println("VendorsConformanceIT: SKIPPED the 2015 example comparisons: vendors-v3/historical-2015"
                + " not found in " + (override != null ? override : "any shared/concur-api/examples above "
                + Paths.get("").toAbsolutePath()));
        Assumptions.abort("shared/concur-api/examples/vendors-v3/historical-2015 not found");
        return null;
    }
}
