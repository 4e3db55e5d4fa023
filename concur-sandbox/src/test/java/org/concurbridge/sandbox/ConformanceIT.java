package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.concurbridge.sandbox.Http.at;
import static org.concurbridge.sandbox.Http.json;
import static org.concurbridge.sandbox.Http.passwordGrant;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox answers with the field names and JSON types of the official examples in
 * shared/concur-api/examples/auth and company-profile (the third-party truth both the client and the sandbox are
 * checked against). Every .json file there must be either compared here or listed as not applicable with a reason,
 * so a new example cannot be silently ignored.
 */
class ConformanceIT {

    /** Fields the sandbox sends that the examples lack, each documented elsewhere (auth-and-quick-connect.md 3.2). */
    private static final Set<String> TOKEN_EXTRAS = Set.of("$.refresh_expires_in");
    private static final Set<String> COMPANY_TOKEN_EXTRAS = Set.of("$.refresh_expires_in", "$.id_token");

    /** Example files with no sandbox counterpart, and why. */
    private static final Map<String, String> NOT_APPLICABLE = Map.of(
            "auth/oauth2-4xx-error-body-template.json", "template with <...> placeholders, not valid JSON",
            "auth/company-auth-4xx-error-body-template.json", "template: \"code\" is a quoted placeholder",
            "auth/client-credentials-response.json", "client-credentials grant is not emulated (no company token)");

    private static ConcurSandbox sb;
    private static Path examples;
    private static final Http HTTP = new Http();
    private static final Map<String, JsonNode> ACTUAL = new HashMap<>();

    @BeforeAll
    static void collectSandboxResponses() {
        examples = locateExamples();
        sb = ConcurSandbox.builder().seed(1L).build().start();
        String pro = SandboxDemo.PROFESSIONAL_COMPANY;
        URI token = at(sb.geolocation("glz"), "/oauth2/v0/token");
        JsonNode grant = json(HTTP.postForm(token, passwordGrant(pro, sb.companyRequestToken(pro))));
        JsonNode refresh = json(HTTP.postForm(at(sb.geolocation("us"), "/oauth2/v0/token"),
                Http.refreshGrant(grant.get("refresh_token").asString())));
        JsonNode badLogin = json(HTTP.postForm(token, passwordGrant(pro, "wrong-token")));
        JsonNode profile = json(HTTP.get(at(sb.geolocation("us"), "/profile/v1/me"),
                grant.get("access_token").asString()));
        JsonNode authtoken = json(HTTP.send(HttpRequest.newBuilder(
                at(sb.geolocation("us"), "/profile-service/v1/keys/principals/" + pro + "/authtoken/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()));

        ACTUAL.put("auth/token-response.json", grant);
        ACTUAL.put("auth/password-grant-response.json", grant);
        ACTUAL.put("auth/company-password-grant-response.json", grant);
        ACTUAL.put("auth/refresh-token-response.json", refresh);
        ACTUAL.put("auth/password-grant-bad-login-response.json", badLogin);
        ACTUAL.put("auth/company-password-grant-failure-response.json", badLogin);
        ACTUAL.put("auth/id-token-claims-sample.json", OAuthTokenIT.claims(grant.get("id_token").asString()));
        ACTUAL.put("auth/appcenter-authtoken-response.json", authtoken);
        ACTUAL.put("company-profile/get-profile-v1-me-company-response.json", profile);
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    /** {@code ../../shared/concur-api/examples} from the module, or any ancestor's {@code shared/concur-api}. */
    static Path locateExamples() {
        String override = System.getProperty("concur.api.examples");
        if (override != null) {
            return Paths.get(override);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/concur-api/examples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("shared/concur-api/examples not found above " + Paths.get("").toAbsolutePath()
                + " (clone the repository beside shared/, or set -Dconcur.api.examples=<dir>)");
    }

    @Test
    void everyExampleJsonFileIsComparedOrExplicitlyNotApplicable() throws IOException {
        Set<String> files = new TreeSet<>();
        for (String dir : List.of("auth", "company-profile")) {
            try (Stream<Path> list = Files.list(examples.resolve(dir))) {
                list.filter(p -> p.toString().endsWith(".json"))
                        .forEach(p -> files.add(dir + "/" + p.getFileName()));
            }
        }
        Set<String> classified = new TreeSet<>(ACTUAL.keySet());
        classified.addAll(NOT_APPLICABLE.keySet());
        assertThat(files).isEqualTo(classified);
    }

    @Test
    void tokenResponsesHaveTheShapeOfTheExamples() {
        assertShape("auth/token-response.json", TOKEN_EXTRAS);
        assertShape("auth/password-grant-response.json", TOKEN_EXTRAS);
        assertShape("auth/refresh-token-response.json", TOKEN_EXTRAS);
        assertShape("auth/company-password-grant-response.json", COMPANY_TOKEN_EXTRAS);
    }

    @Test
    void errorResponsesHaveTheShapeOfTheExamples() {
        assertShape("auth/password-grant-bad-login-response.json", Set.of());
        assertShape("auth/company-password-grant-failure-response.json", Set.of());
    }

    @Test
    void idTokenClaimsHaveTheShapeOfTheSample() {
        assertShape("auth/id-token-claims-sample.json", Set.of());
    }

    @Test
    void appCenterAuthtokenResponseHasTheShapeOfTheExample() {
        assertShape("auth/appcenter-authtoken-response.json", Set.of());
    }

    @Test
    void profileHasTheShapeOfTheExample() {
        assertShape("company-profile/get-profile-v1-me-company-response.json", Set.of());
    }

    @Test
    void notApplicableTemplatesReallyAreNotUsableAsJson() throws IOException {
        String template = Files.readString(examples.resolve("auth/oauth2-4xx-error-body-template.json"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Http.JSON.readTree(template))
                .isInstanceOf(JacksonException.class);
        JsonNode quoted = Http.JSON.readTree(examples.resolve("auth/company-auth-4xx-error-body-template.json").toFile());
        assertThat(quoted.get("code").isString()).as("placeholder, where real bodies have a number").isTrue();
    }

    private static void assertShape(String example, Set<String> allowedExtras) {
        JsonNode expected = Http.JSON.readTree(examples.resolve(example).toFile());
        List<String> differences = JsonShape.differences(expected, ACTUAL.get(example), allowedExtras);
        assertThat(differences).as("sandbox response vs " + example + ": " + ACTUAL.get(example)).isEmpty();
    }
}
