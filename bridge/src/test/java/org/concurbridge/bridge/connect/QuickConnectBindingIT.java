package org.concurbridge.bridge.connect;

import org.concurbridge.bridge.BridgeApplication;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.bridge.testsupport.BridgeHttp;
import org.concurbridge.bridge.testsupport.SandboxForTests;
import org.concurbridge.sandbox.SandboxDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The landing page binds the admin's confirmation to the exact request they saw: a landing link another site makes
 * the signed-in admin's browser load cannot replace it; the request token leaves the URL by a redirect; the company's
 * name is shown before anything is stored; each step's nonce works once and only for its company.
 */
@SpringBootTest(classes = BridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuickConnectBindingIT {
    static final SandboxForTests concur = new SandboxForTests();
    static final String ADMIN_UUID = "9bdded51-00b8-4f84-8bef-6d3afe727007";
    private static final Pattern NONCE = Pattern.compile("name=\"request\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    org.concurbridge.bridge.posting.pipeline.FisPostingJob fisPosting;
    @Autowired
    org.concurbridge.bridge.posting.pipeline.ConnectionMappings mappings;
    @Autowired
    QuickConnectService quickConnect;
    BridgeHttp admin;

    @DynamicPropertySource
    static void bridgeProperties(DynamicPropertyRegistry registry) {
        concur.register(registry, "quick-connect-binding-it");
        registry.add("bridge.posting.hold-until-mapped", () -> "true");
    }

    @BeforeEach
    void signIn() {
        concur.connectUriIs("http://localhost:" + port + "/concur/connect");
        admin = new BridgeHttp(port, BridgeHttp.Redirects.RETURN);
        admin.signIn(SandboxForTests.ADMIN_USER, SandboxForTests.ADMIN_PASSWORD);
    }

    @AfterEach
    void cleanUp() {
        connections.findAll().forEach(c -> connections.delete(c.companyUuid()));
    }

    @AfterAll
    static void stop() {
        concur.close();
    }

    @Test
    void anotherSitesLandingLinkCannotReplaceTheRequestTheAdminConfirms() {
        String mine = SandboxDemo.STANDARD_COMPANY;
        String theirs = SandboxDemo.PROFESSIONAL_COMPANY;
        String myToken = concur.sandbox().companyRequestToken(mine);
        HttpResponse<String> landing = admin.get("/concur/connect?id=" + mine + "&requestToken=" + myToken
                + "&userId=" + ADMIN_UUID);
        assertThat(landing.statusCode()).as("redirected away from the URL with the token").isIn(302, 303);
        String confirmUrl = landing.headers().firstValue("Location").orElseThrow();
        assertThat(confirmUrl).contains("/concur/connect/confirm?request=").doesNotContain(myToken);
        HttpResponse<String> confirm = admin.get(URI.create(confirmUrl).getRawPath() + "?"
                + URI.create(confirmUrl).getRawQuery());
        assertThat(confirm.body()).contains(mine).doesNotContain(myToken);

        // meanwhile another site makes this browser load a landing link of its own
        String theirToken = concur.sandbox().companyRequestToken(theirs);
        assertThat(admin.get("/concur/connect?id=" + theirs + "&requestToken=" + theirToken).statusCode())
                .isIn(302, 303);

        // the admin confirms the page they saw: it is their company that is exchanged, and nothing is stored yet
        HttpResponse<String> review = admin.postForm("/concur/connect", BridgeHttp.csrf(confirm.body()),
                Map.of("request", nonce(confirm.body()), "companyUuid", mine));
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.body()).contains("id=\"company-name\"").contains("Globex").contains(mine);
        assertThat(connections.find(mine)).as("nothing stored before the name was shown").isEmpty();

        HttpResponse<String> stored = admin.postForm("/concur/connect/store", BridgeHttp.csrf(review.body()),
                Map.of("request", nonce(review.body()), "companyUuid", mine));
        assertThat(stored.body()).contains("connect-success");
        assertThat(connections.find(mine)).isPresent()
                .hasValueSatisfying(c -> assertThat(c.connectedByUserId()).isEqualTo(ADMIN_UUID));
        assertThat(connections.find(theirs)).isEmpty();

        // each nonce works once
        HttpResponse<String> replay = admin.postForm("/concur/connect", BridgeHttp.csrf(confirm.body()),
                Map.of("request", nonce(confirm.body()), "companyUuid", mine));
        assertThat(replay.statusCode()).isEqualTo(400);
    }

    @Test
    void aConfirmationWithoutItsNonceOrForAnotherCompanyStoresNothing() {
        String mine = SandboxDemo.STANDARD_COMPANY;
        String token = concur.sandbox().companyRequestToken(mine);
        String confirmUrl = admin.get("/concur/connect?id=" + mine + "&requestToken=" + token).headers()
                .firstValue("Location").orElseThrow();
        HttpResponse<String> confirm = admin.get(URI.create(confirmUrl).getRawPath() + "?"
                + URI.create(confirmUrl).getRawQuery());
        long before = concur.tokenCalls();
        assertThat(admin.postForm("/concur/connect", BridgeHttp.csrf(confirm.body()), Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(admin.postForm("/concur/connect", BridgeHttp.csrf(confirm.body()),
                Map.of("request", nonce(confirm.body()), "companyUuid", SandboxDemo.PROFESSIONAL_COMPANY))
                .statusCode()).isEqualTo(400);
        assertThat(admin.postForm("/concur/connect", BridgeHttp.csrf(confirm.body()),
                Map.of("request", "guessed", "companyUuid", mine)).statusCode()).isEqualTo(400);
        assertThat(concur.tokenCalls()).as("no exchange").isEqualTo(before);
        assertThat(connections.findAll()).isEmpty();
    }

    @Test
    void withHoldUntilMappedAConnectionPostsNothingUntilItsMappingIsSaved() {
        String company = SandboxDemo.STANDARD_COMPANY;
        quickConnect.connect(company, org.concurbridge.client.Secret.of(concur.sandbox().companyRequestToken(company)),
                ADMIN_UUID);
        long fisCalls = concur.count("GET", "/transactions");
        var held = fisPosting.run(company);
        assertThat(held.outcome()).isEqualTo(org.concurbridge.bridge.jobs.JobOutcome.SKIPPED);
        assertThat(held.message()).contains("held until a mapping is saved");
        assertThat(concur.count("GET", "/transactions")).as("nothing read from Concur").isEqualTo(fisCalls);
        mappings.set(company, "accounts: {}\n", "test");
        assertThat(mappings.held(company)).isEmpty();
    }

    @Test
    void aUserIdThatIsNotAUuidIsRefused() {
        HttpResponse<String> page = admin.get("/concur/connect?id=" + SandboxDemo.STANDARD_COMPANY
                + "&requestToken=abc&userId=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("User (userId) is not a UUID").doesNotContain("<script>alert");
    }

    private static String nonce(String html) {
        Matcher m = NONCE.matcher(html);
        assertThat(m.find()).as("page has a request nonce:\n" + html).isTrue();
        return m.group(1);
    }
}
