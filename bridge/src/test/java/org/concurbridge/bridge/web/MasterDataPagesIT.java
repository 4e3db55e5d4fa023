package org.concurbridge.bridge.web;

import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.jobs.ConnectionJobs;
import org.concurbridge.bridge.jobs.ProgressListener;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMappings;
import org.concurbridge.bridge.masterdata.store.ItemState;
import org.concurbridge.bridge.masterdata.sync.MasterDataService;
import org.concurbridge.bridge.masterdata.sync.MasterDataSync;
import org.concurbridge.bridge.testsupport.BridgeHttp;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.sandbox.SandboxProduct;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The master-data page and mapping editor of a connection over real HTTP, after real syncs (ERP tables on H2 → engines
 * → Concur client → sandbox): per target the last run's figures, failed items with Concur's error and a Retry (POST
 * with CSRF), the items only Concur has, the ERP records that cannot become items (keyset pages), availability
 * ("not available" as information; a Standard company's missing list with the fix), everything escaped; the mapping
 * editor refuses an invalid mapping per field and stores a valid one with who and when.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MasterDataPagesIT {
    @RegisterExtension
    static final SandboxForTests concur = new SandboxForTests();

    @LocalServerPort
    int port;
    @Autowired
    QuickConnectService quickConnect;
    @Autowired
    MasterDataSync sync;
    @Autowired
    MasterDataService service;
    @Autowired
    MasterDataMappings mappings;
    @Autowired
    ConnectionJobs jobs;
    @Autowired
    JdbcClient jdbc;

    MasterDataFixtures erp;
    BridgeHttp admin;

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "masterdata-pages-it");
    }

    @BeforeEach
    void setUp() {
        erp = new MasterDataFixtures(jdbc, concur);
        erp.emptyErp();
        admin = new BridgeHttp(port, BridgeHttp.Redirects.FOLLOW);
        admin.signIn(SandboxForTests.ADMIN_USER, SandboxForTests.ADMIN_PASSWORD);
    }

    static final String CC = """
            lists:
              - name: Cost Centers
                dimension: COST_CENTER
                create: true
            """;

    private static String page(String company) {
        return "/connections/" + company + "/masterdata";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The HTML of the element with the id, up to the closing tag of the section/table that holds it. */
    private static String section(String html, String startMarker, String endMarker) {
        int start = html.indexOf(startMarker);
        assertThat(start).as(startMarker).isNotNegative();
        int end = html.indexOf(endMarker, start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    @Test
    void pageShowsEachTargetsLastRunFailedItemsWithConcursErrorItemsOnlyConcurHasAndProblemsAllEscaped() {
        String company = erp.professional(quickConnect);
        mappings.set(company, CC, "test");
        erp.costObject("COST_CENTER", "CC1000", "Company", null);
        erp.costObject("COST_CENTER", "CC1100", "Sales <b>DACH</b>", "CC1000");
        erp.costObject("COST_CENTER", "CC9", "Orphan", "NOPE");
        // Concur already has ACME at another address under another name: a create of ACME's new address is refused
        concur.sandbox().vendors().seed(company, Map.of("VendorCode", "ACME", "AddressCode", "99999",
                "VendorName", "Acme <i>Old</i>", "CountryCode", "DE", "CurrencyCode", "EUR"));
        erp.supplier("ACME", "Acme GmbH", "10115");
        erp.supplier("GOOD", "Good AG", "20000");
        erp.supplier("NOADDR", "No postal code <script>x</script>", null);

        assertThat(sync.lists(company, false, false, ProgressListener.NONE).ok()).isTrue();
        sync.vendors(company, false, false, ProgressListener.NONE);
        assertThat(service.failed(company, "vendors", null, 10)).extracting(MasterDataService.ItemView::itemKey)
                .as("the sandbox refused ACME's new address").containsExactly("ACME/10115");

        HttpResponse<String> response = admin.get(page(company));
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(html).doesNotContain("<script>x</script>").doesNotContain("<b>DACH</b>").doesNotContain("<i>Old</i>")
                .doesNotContainPattern(Pattern.compile("<script>(?!</script>)[^<]"));

        String ccRow = section(html, "<tr data-target=\"list:Cost Centers\"", "</tr>");
        assertThat(ccRow).contains(">Cost Centers</a>").contains("data-state=\"OK\"")
                .contains("<td class=\"created\">2</td>").contains("<td class=\"failed\">0</td>")
                .contains("badge badge-ok\">available<");
        String vendorRow = section(html, "<tr data-target=\"vendors\"", "</tr>");
        assertThat(vendorRow).contains(">Vendors</a>").contains("<td class=\"created\">1</td>")
                .contains("<td class=\"failed\">1</td>").contains("name=\"target\" value=\"vendors\"");

        String vendors = section(html, "<section id=\"target-1\"", "</section>");
        String failed = section(vendors, "<table class=\"table failed-items\"", "</table>");
        assertThat(failed).contains("data-item=\"ACME/10115\"").contains("<td class=\"error-id mono\">6004</td>")
                .contains("already has the name &#39;Acme &lt;i&gt;Old&lt;/i&gt;&#39;")
                .contains("name=\"itemKey\" value=\"ACME/10115\"").contains("name=\"_csrf\"")
                .contains(">Retry</button>");
        assertThat(section(vendors, "<table class=\"table concur-only-items\"", "</table>"))
                .contains("data-item=\"ACME/99999\"").contains("Acme &lt;i&gt;Old&lt;/i&gt;");
        assertThat(section(vendors, "<table class=\"table problem-items\"", "</table>"))
                .contains("data-erp-key=\"NOADDR\"").contains("has no address code");
        String lists = section(html, "<section id=\"target-0\"", "</section>");
        assertThat(section(lists, "<table class=\"table problem-items\"", "</table>"))
                .contains("NO_PARENT").doesNotContain("data-erp-key=\"COST_CENTER:CC1000\"");

        String json = admin.get(page(company) + "/targets").body();
        assertThat(json).contains("\"target\":\"vendors\"").contains("\"failedItems\":1").contains("\"concurOnlyItems\":1")
                .contains("\"nextPollMs\":");
        HttpResponse<String> anonymous = new BridgeHttp(port, BridgeHttp.Redirects.RETURN).get(page(company) + "/targets");
        assertThat(anonymous.statusCode()).as("the JSON needs the admin, like the page").isEqualTo(302);

        String connection = admin.get("/connections/" + company).body();
        assertThat(connection).contains("id=\"masterdata-link\" href=\"/connections/" + company + "/masterdata\"");
        assertThat(admin.get("/").body()).contains("href=\"/connections/" + company + "/masterdata\"");
    }

    @Test
    void retryNeedsCsrfAFailedItemAndAKnownTargetThenTheFixedItemIsPushed() {
        String company = erp.professional(quickConnect);
        mappings.set(company, CC, "test");
        concur.sandbox().vendors().seed(company, Map.of("VendorCode", "ACME", "AddressCode", "99999",
                "VendorName", "Acme Old", "CountryCode", "DE", "CurrencyCode", "EUR"));
        erp.supplier("ACME", "Acme GmbH", "10115");
        sync.vendors(company, false, false, ProgressListener.NONE);
        assertThat(service.failed(company, "vendors", null, 10)).hasSize(1);
        String path = page(company) + "/retry";
        Map<String, String> form = Map.of("target", "vendors", "itemKey", "ACME/10115");

        HttpResponse<String> forged = admin.postWithoutCsrf(path, form);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(admin.submit(page(company), path, Map.of("target", "list:Nope", "itemKey", "X")).statusCode())
                .isEqualTo(404);
        assertThat(admin.submit(page(company), path, Map.of("target", "vendors", "itemKey", "GOOD/1")).body())
                .contains("Item GOOD/1 of Vendors has not failed (any more): nothing to retry.");
        String fromItems = admin.submit(page(company), path, Map.of("target", "vendors", "itemKey", "GOOD/1",
                "back", "items")).body();
        assertThat(fromItems).as("back on the failed items' own page").contains("<h3>Failed items</h3>")
                .contains("id=\"masterdata-link\"").contains("has not failed (any more)")
                .doesNotContain("id=\"targets\"");

        // the customer removes the stale record in Concur; the retry pushes ACME's address now, not in an hour
        concur.sandbox().vendors().clear(company);
        long before = jobs.lastRunId("vendor-sync", company);
        String after = admin.submit(page(company), path, form).body();
        assertThat(after).contains("Item ACME/10115 of Vendors is tried again now: vendor-sync will run within a few"
                + " seconds.");
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.firstRunAfter("vendor-sync", company, before)
                .filter(r -> !r.running()).isPresent());
        assertThat(service.items(company, "vendors", ItemState.SYNCED, null, 10))
                .extracting(MasterDataService.ItemView::itemKey).contains("ACME/10115");
        assertThat(concur.sandbox().vendors().find(company, "ACME", "10115")).isPresent();
        assertThat(service.failed(company, "vendors", null, 10)).isEmpty();

        long again = jobs.lastRunId("list-sync", company);
        String ran = admin.submit(page(company), page(company) + "/run", Map.of("target", "list:Cost Centers")).body();
        assertThat(ran).contains("Cost Centers: list-sync will run within a few seconds.");
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.firstRunAfter("list-sync", company, again)
                .filter(r -> !r.running()).isPresent());
    }

    @Test
    void itemListsArePagedByKey() {
        String company = erp.professional(quickConnect);
        mappings.set(company, CC, "test");
        for (int i = 1; i <= 25; i++) {
            erp.supplier(String.format("NOADDR%02d", i), "Supplier " + i, null);
        }
        sync.vendors(company, false, false, ProgressListener.NONE);

        String html = admin.get(page(company)).body();
        String problems = section(section(html, "<section id=\"target-1\"", "</section>"),
                "<div class=\"md-items\" data-kind=\"problems\"", "</table>");
        assertThat(Pattern.compile("data-erp-key=").matcher(problems).results().count()).isEqualTo(20);
        String next = "/connections/" + company + "/masterdata/items?target=vendors&amp;kind=problems&amp;after=NOADDR20";
        assertThat(html).contains("href=\"" + next + "\"");

        String second = admin.get(next.replace("&amp;", "&")).body();
        assertThat(Pattern.compile("data-erp-key=\"NOADDR2[1-5]\"").matcher(second).results().count()).isEqualTo(5);
        assertThat(second).doesNotContain("data-erp-key=\"NOADDR20\"").doesNotContain("class=\"next-page\"")
                .contains("id=\"after-key\">NOADDR20<").contains(">First page</a>");
        assertThat(admin.get("/connections/" + company + "/masterdata/items?target=vendors&kind=nope").statusCode())
                .isEqualTo(404);
        assertThat(admin.get("/connections/" + company + "/masterdata/items?target=" + enc("list:Nope")
                + "&kind=failed").statusCode()).isEqualTo(404);
    }

    @Test
    void vendorsWithoutInvoiceAreNotAvailableAsInformationAndAStandardCompanysMissingListNamesTheFix() {
        String noInvoice = erp.company(quickConnect, "CTE", EnumSet.of(SandboxProduct.EXPENSE));
        erp.supplier("S1", "One", "10000");
        sync.vendors(noInvoice, false, false, ProgressListener.NONE);
        String html = admin.get(page(noInvoice)).body();
        String row = section(html, "<tr data-target=\"vendors\"", "</tr>");
        assertThat(row).contains("data-availability=\"not available\"").contains("<span class=\"badge\">not available</span>")
                .doesNotContain("badge-bad");
        assertThat(section(html, "<section id=\"target-2\"", "</section>"))
                .contains("notice notice-warn availability-note").contains("<strong>Not available.</strong>")
                .contains("the company has no Concur Invoice").contains("This is information, not a failure");

        String standard = erp.company(quickConnect, "Standard Edition", SandboxProduct.defaults());
        mappings.set(standard, CC, "test");
        erp.costObject("COST_CENTER", "CC1000", "Company", null);
        sync.lists(standard, false, false, ProgressListener.NONE);
        String std = admin.get(page(standard)).body();
        assertThat(section(std, "<tr data-target=\"list:Cost Centers\"", "</tr>"))
                .contains("data-availability=\"failed\"").contains("data-state=\"FAILED\"");
        assertThat(section(std, "<section id=\"target-0\"", "</section>")).contains("notice notice-error availability-note")
                .contains("<strong>Cannot sync.</strong>").contains("never creates one").contains("List Management");
    }

    @Test
    void mappingEditorRefusesAnInvalidMappingPerFieldAndStoresAValidOneAsANewVersionWithWhoAndWhen() {
        String company = erp.professional(quickConnect);
        String path = "/connections/" + company + "/masterdata/mapping";
        String shown = admin.get(path).body();
        assertThat(shown).contains("id=\"mapping-source\">default: the connection has no mapping of its own<")
                .contains("name: Cost Centers").doesNotContain("id=\"mapping-updated\"");
        String defaultVersion = version(shown);

        String invalid = """
                lists:
                  - name: Cost Centers
                    dimension: "COST CENTER <x>"
                vendors:
                  paymentMethod: BOGUS
                """;
        HttpResponse<String> refused = admin.submit(path, path, Map.of("text", invalid));
        assertThat(refused.statusCode()).isEqualTo(200);
        String errors = section(refused.body(), "id=\"field-errors\"", "</div>");
        assertThat(errors).contains("data-field=\"lists[0].dimension\"").contains("data-field=\"vendors.paymentMethod\"");
        assertThat(refused.body()).contains("The mapping was not saved: 2 invalid fields.")
                .contains("dimension: &quot;COST CENTER &lt;x&gt;&quot;").doesNotContain("<x>");
        assertThat(mappings.stored(company).source()).as("nothing stored").isEqualTo("default");

        String valid = CC + "vendors:\n  paymentMethod: WIRE\n";
        String saved = admin.submit(path, path, Map.of("text", valid)).body();
        String newVersion = version(saved);
        assertThat(newVersion).isNotEqualTo(defaultVersion);
        assertThat(saved).contains("Master-data mapping saved: version " + newVersion + ".")
                .contains("id=\"mapping-source\">saved for this connection<")
                .containsPattern("id=\"mapping-updated\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC by web:admin<");
        assertThat(mappings.stored(company).text()).isEqualTo(valid);
        assertThat(mappings.stored(company).updatedBy()).isEqualTo("web:admin");
        assertThat(admin.get(page(company)).body()).contains("id=\"md-mapping-version\">" + newVersion + "<");
        assertThat(new BridgeHttp(port, BridgeHttp.Redirects.RETURN).get(path).statusCode()).isEqualTo(302);
    }

    private static String version(String html) {
        var m = Pattern.compile("id=\"mapping-version\">([^<]+)<").matcher(html);
        assertThat(m.find()).as("the version on the page").isTrue();
        return m.group(1);
    }
}
