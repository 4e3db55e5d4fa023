package org.concurbridge.bridge.web;

import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.posting.pipeline.FisPostingJob;
import org.concurbridge.bridge.testsupport.Browser;
import org.concurbridge.bridge.testsupport.ErpBooks;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.client.Secret;
import org.concurbridge.sandbox.SandboxDemo;
import org.concurbridge.sandbox.fis.FisUseCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator finds the posted documents of a connection in a real browser and filters them by state. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bridge.jobs.enabled=false")
class PostingDocumentsBrowserIT {
    @RegisterExtension
    static final SandboxForTests concur = new SandboxForTests();
    @RegisterExtension
    static final Browser browser = new Browser();
    static final String COMPANY = SandboxDemo.PROFESSIONAL_COMPANY;

    @LocalServerPort
    int port;
    @Autowired
    QuickConnectService quickConnect;
    @Autowired
    FisPostingJob job;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "documents-browser-it");
    }

    @Test
    void operatorOpensTheDocumentsOfAConnectionAndFiltersByState() {
        var sb = concur.sandbox();
        quickConnect.connect(COMPANY, Secret.of(sb.companyRequestToken(COMPANY)), "admin-user");
        List<String> ids = sb.fis().generate(COMPANY, 3L, 2, List.of(FisUseCase.MILEAGE, FisUseCase.VAT_SINGLE));
        ErpBooks books = new ErpBooks(jdbc);
        books.knowEverythingIn(ids.stream().map(id -> sb.fis().document(id).toString()).toList(), java.util.Set.of());
        String closed = sb.fis().expectedJournal(ids.get(1)).orElseThrow().lines().get(0).account();
        books.deactivateAccount(closed);
        job.run(COMPANY);

        WebDriver web = browser.open(port, "/connections/" + COMPANY);
        WebDriverWait wait = browser.waiting();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("documents-link"))).click();

        By rows = By.cssSelector("#documents tbody tr");
        wait.until(ExpectedConditions.numberOfElementsToBe(rows, 2));
        String errorRow = web.findElement(By.cssSelector("#documents tr[data-doc='" + ids.get(1) + "']")).getText();
        assertThat(errorRow).contains("ERROR_CONFIRMED").contains("account is inactive " + closed);

        new Select(web.findElement(By.id("state"))).selectByValue("CONFIRMED");
        web.findElement(By.id("apply-filter")).click();
        wait.until(ExpectedConditions.urlContains("state=CONFIRMED"));
        assertThat(web.findElements(rows)).hasSize(1);
        assertThat(web.findElement(rows).getAttribute("data-doc")).isEqualTo(ids.get(0));
        assertThat(web.findElement(rows).getText()).containsPattern("JE\\d{10}");
    }
}
