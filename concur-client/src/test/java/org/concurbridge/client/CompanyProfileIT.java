package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.concurbridge.sandbox.RecordedRequest;
import org.concurbridge.sandbox.SandboxDemo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /profile/v1/me} for the demo companies, through Quick Connect and the token manager. */
class CompanyProfileIT extends SandboxTestSupport {

    @ParameterizedTest(name = "{1}: {3}")
    @CsvSource({
            SandboxDemo.PROFESSIONAL_COMPANY + ", " + SandboxDemo.PROFESSIONAL_NAME + ", us, PROFESSIONAL, CTE, US",
            SandboxDemo.STANDARD_COMPANY + ", " + SandboxDemo.STANDARD_NAME + ", eu, STANDARD, Standard Edition, DE",
            SandboxDemo.UNKNOWN_EDITION_COMPANY + ", " + SandboxDemo.UNKNOWN_EDITION_NAME
                    + ", us, UNKNOWN, Travel Only, US"})
    void profileOfEachDemoCompanyHasItsEdition(String company, String name, String geo, Edition edition,
                                              String marketingName, String country) {
        OAuthClient oauth = oauth();
        InMemoryTokenStore store = new InMemoryTokenStore(connect(oauth, company));
        store.beforeSave = SandboxTestSupport::remember;
        ConcurClient concur = concur(tokenManager(oauth, store));

        CompanyProfile profile = concur.companyProfile();

        assertThat(profile.companyUuid()).isEqualTo(company);
        assertThat(profile.name()).isEqualTo(name);
        assertThat(profile.edition()).isEqualTo(edition);
        assertThat(profile.marketingName()).isEqualTo(marketingName);
        assertThat(profile.country()).isEqualTo(country);
        assertThat(requests("GET", PROFILE_PATH)).singleElement().satisfies(r -> {
            assertThat(r.geo()).isEqualTo(geo);
            assertThat(r.header("Authorization")).startsWith("Bearer ");
        });
    }

    @ParameterizedTest(name = "token used at {0}")
    @CsvSource({"us", "glz"})
    void profileCalledAtAnotherGeolocationFollowsThe301(String wrongGeo) {
        OAuthClient oauth = oauth();
        TokenGrant grant = connect(oauth, SandboxDemo.STANDARD_COMPANY);
        CompanyCredentials atWrongGeo = new CompanyCredentials() {
            @Override
            public AccessToken current() {
                return new AccessToken(grant.accessToken(), geo(wrongGeo), grant.accessExpiresAt());
            }

            @Override
            public void invalidate() {
            }
        };

        CompanyProfile profile = concur(atWrongGeo).companyProfile();

        assertThat(profile.companyUuid()).isEqualTo(SandboxDemo.STANDARD_COMPANY);
        assertThat(profile.edition()).isEqualTo(Edition.STANDARD);
        assertThat(requests("GET", PROFILE_PATH)).extracting(RecordedRequest::geo, RecordedRequest::status)
                .containsExactly(tuple(wrongGeo, 301), tuple("eu", 200));
    }
}
