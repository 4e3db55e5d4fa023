package org.concurbridge.bridge.web;

import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.LedgerState;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.posting.pipeline.ConnectionMappings;
import org.concurbridge.bridge.posting.pipeline.FisPostingJob;
import org.concurbridge.bridge.testsupport.Browser;
import org.concurbridge.bridge.testsupport.BridgeHttp;
import org.concurbridge.bridge.testsupport.ErpBooks;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.client.Secret;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The posting-mapping page of a connection: over real HTTP (show, an invalid save lists every field error and stores
 * nothing, a valid save stores a new version and posted documents keep theirs) and in headless Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bridge.jobs.enabled=false")
class MappingPageIT {
    @RegisterExtension
    static final SandboxForTests concur = new SandboxForTests();
    @RegisterExtension
    static final Browser browser = new Browser();
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;
    static final String PAGE = "/connections/" + COMPANY + "/mapping";
    static final java.nio.file.Path MAPPING_DIR = tempDir();

    static java.nio.file.Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("mapping-page-it");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    QuickConnectService quickConnect;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    FisPostingJob job;
    @Autowired
    PostingLedger ledger;
    @Autowired
    ConnectionMappings mappings;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "mapping-page-it");
        registry.add("bridge.posting.mapping-dir", MAPPING_DIR::toString);
    }

    @BeforeEach
    void connected() {
        concur.connectOnce(quickConnect, connections, COMPANY);
    }

    @Test
    void invalidSaveListsEveryFieldErrorAndStoresNothingValidSaveStoresANewVersionPostedDocumentsKeepTheirs() {
        var sb = concur.sandbox();
        List<String> ids = sb.fis().generate(COMPANY, 11L, 1, List.of(FisUseCase.MILEAGE));
        new ErpBooks(jdbc).knowEverythingIn(ids.stream().map(id -> sb.fis().document(id).toString()).toList(),
                java.util.Set.of());
        job.run(COMPANY);
        LedgerDocument posted = ledger.bySourceDocId(COMPANY, ids.get(0)).get(0);
        assertThat(posted.state()).isEqualTo(LedgerState.CONFIRMED);
        String before = mappings.mapping(COMPANY).version();
        assertThat(posted.mappingVersion()).isEqualTo(before);

        BridgeHttp admin = new BridgeHttp(port, BridgeHttp.Redirects.FOLLOW);
        admin.signIn(SandboxForTests.ADMIN_USER, SandboxForTests.ADMIN_PASSWORD);
        assertThat(admin.get("/connections/" + COMPANY).body()).contains("href=\"" + PAGE + "\"");
        HttpResponse<String> page = admin.get(PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"mapping-version\"").contains(before).contains("id=\"mapping-source\"");

        String invalid = "companies:\n  - company: US01\n    currency: dollars\noffsets:\n  EMPL: {}\n"
                + "costObjects:\n  costCenter: [employeeCustom1Code]\n";
        HttpResponse<String> refused = admin.submit(PAGE, PAGE, Map.of("text", invalid));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("The mapping was not saved: 3 invalid fields")
                .contains("data-field=\"companies[0].currency\"").contains("must be an ISO 4217 code")
                .contains("data-field=\"offsets.EMPL.account\"")
                .contains("data-field=\"costObjects.costCenter[0]\"").contains("employee section")
                .contains("currency: dollars"); // the submitted text is kept for fixing
        assertThat(mappings.mapping(COMPANY).version()).isEqualTo(before);

        String valid = "accounts:\n  \"474230\": \"6110\"\n";
        HttpResponse<String> saved = admin.submit(PAGE, PAGE, Map.of("text", valid));
        String after = PostingMapping.parse(valid, "test").version();
        assertThat(after).isNotEqualTo(before);
        assertThat(saved.body()).contains("Mapping saved: version " + after)
                .contains("keep the mapping version they were built with")
                .contains("href=\"/connections/" + COMPANY + "/documents?state=FAILED\"")
                .contains("web:" + SandboxForTests.ADMIN_USER).contains(">database<");
        ConnectionMappings.Stored stored = mappings.stored(COMPANY).orElseThrow();
        assertThat(stored.mapping().version()).isEqualTo(after);
        assertThat(stored.text()).isEqualTo(valid);
        assertThat(stored.updatedBy()).isEqualTo("web:" + SandboxForTests.ADMIN_USER);
        assertThat(ledger.find(posted.id()).orElseThrow().mappingVersion()).isEqualTo(before);
    }

    @Test
    void anInvalidMappingFileIsShownWithItsErrorsAndFixedOnThePage() throws Exception {
        String company = SandboxDemo.STANDARD_COMPANY;
        quickConnect.connect(company, Secret.of(concur.sandbox().companyRequestToken(company)), "admin-user");
        java.nio.file.Path file = MAPPING_DIR.resolve(company + ".yaml");
        java.nio.file.Files.writeString(file, "accounts:\n  \"474230\": \" 6110\"\n");
        String page = "/connections/" + company + "/mapping";
        BridgeHttp admin = new BridgeHttp(port, BridgeHttp.Redirects.FOLLOW);
        admin.signIn(SandboxForTests.ADMIN_USER, SandboxForTests.ADMIN_PASSWORD);

        String html = admin.get(page).body();
        assertThat(html).contains("id=\"current-errors\"").contains("<code>accounts.474230</code>")
                .contains(file + " (invalid)").contains("&quot; 6110&quot;")
                .contains("id=\"mapping-version\">none: invalid<");

        String fixed = "accounts:\n  \"474230\": \"6110\"\n";
        String saved = admin.submit(page, page, Map.of("text", fixed)).body();
        assertThat(saved).contains("Mapping saved").contains(">database<").doesNotContain("id=\"current-errors\"");
        assertThat(mappings.mapping(company).version()).isEqualTo(PostingMapping.parse(fixed, "test").version());
    }

    @Test
    void adminEditsTheMappingInABrowserAndSeesTheNewVersion() {
        WebDriver web = browser.open(port, PAGE);
        WebDriverWait wait = browser.waiting();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mapping-form")));
        String before = web.findElement(By.id("mapping-version")).getText();

        String edited = "accounts:\n  \"474210\": \"6120\"\n";
        WebElement text = web.findElement(By.id("text"));
        text.clear();
        text.sendKeys(edited);
        web.findElement(By.id("save-mapping")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        String after = PostingMapping.parse(edited, "test").version();
        assertThat(after).isNotEqualTo(before);
        assertThat(web.findElement(By.id("mapping-version")).getText()).isEqualTo(after);
        assertThat(web.findElement(By.id("notice")).getText()).contains(after);
        assertThat(web.findElement(By.id("text")).getAttribute("value")).isEqualTo(edited);
        browser.screenshot("mapping");
        assertThat(mappings.stored(COMPANY).orElseThrow().text()).isEqualTo(edited);
    }
}
