package org.concurbridge.bridge.web;

import org.concurbridge.bridge.testsupport.Browser;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.sandbox.SandboxDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Concur administrator's whole journey in a real browser: App Center Connect → bridge sign-in → landing page
 * confirm → connected, edition shown on the dashboard → disconnect (tokens revoked at the sandbox).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuickConnectBrowserIT {
    @RegisterExtension
    static final SandboxForTests concur = new SandboxForTests();
    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "browser-it");
    }

    @Test
    void adminConnectsThroughAppCenterSeesEditionAndDisconnects() {
        concur.connectUriIs("http://localhost:" + port + "/concur/connect");
        WebDriver web = browser.driver();
        WebDriverWait wait = browser.waiting();

        web.get(concur.sandbox().baseUri() + "/appcenter");
        web.findElement(By.cssSelector("button.connect[data-company='" + SandboxDemo.PROFESSIONAL_COMPANY
                + "'][data-app='" + concur.clientId() + "']")).click();

        // not signed in yet: the bridge asks for the admin first and has not exchanged the token
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(concur.tokenCalls()).isZero();
        browser.signIn();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-connect")));
        assertThat(web.findElement(By.id("company-uuid")).getText()).isEqualTo(SandboxDemo.PROFESSIONAL_COMPANY);
        assertThat(concur.tokenCalls()).as("no exchange before the admin confirms").isZero();
        assertThat(web.getCurrentUrl()).as("the request token left the address bar").contains("/concur/connect/confirm")
                .doesNotContain("requestToken");
        web.findElement(By.id("confirm-connect")).click();

        // the company's name is shown before anything is stored
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("store-connection")));
        assertThat(web.findElement(By.id("company-name")).getText()).isNotBlank();
        assertThat(web.findElement(By.id("company-uuid")).getText()).isEqualTo(SandboxDemo.PROFESSIONAL_COMPANY);
        browser.screenshot("connect-review");
        web.findElement(By.id("store-connection")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("connect-success")));
        assertThat(web.findElement(By.id("edition")).getText()).isEqualTo("PROFESSIONAL");

        web.findElement(By.id("to-dashboard")).click();
        By row = By.cssSelector("#connections tr[data-company='" + SandboxDemo.PROFESSIONAL_COMPANY + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(web.findElement(row).findElement(By.cssSelector(".edition")).getText()).isEqualTo("Professional");
        assertThat(web.findElement(row).findElement(By.cssSelector(".state")).getText()).contains("CONNECTED");
        browser.screenshot("dashboard");
        web.findElement(row).findElement(By.cssSelector(".name a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("runs")));
        assertThat(web.findElement(By.id("edition")).getText()).contains("PROFESSIONAL");
        browser.screenshot("connection");
        web.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(row));

        web.findElement(row).findElement(By.cssSelector("a.disconnect")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-disconnect"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(web.findElement(By.id("notice")).getText()).contains("tokens revoked");
        assertThat(web.findElements(row)).isEmpty();
        assertThat(concur.revokeCalls()).isEqualTo(1);
    }
}
