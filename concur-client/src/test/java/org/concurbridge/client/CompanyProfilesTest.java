package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CompanyProfilesTest {

    @Test
    void booleanActiveAndMissingAddressesAreTolerated() {
        CompanyProfile p = parse("""
                {"id": "c-1", "name": "Acme", "com:concur:Travel:0.1": {"active": true},
                 "com:concur:Expense:0.1": {"offeringCode": "CES", "marketingName": "CTE"}}
                """);
        assertThat(p).isEqualTo(new CompanyProfile("c-1", "Acme", "CTE", "CES", Edition.PROFESSIONAL, null));
    }

    @Test
    void numericActiveNullPostalCodeAndEnterpriseAreTolerated() {
        CompanyProfile p = parse("""
                {"id": "c-2", "name": "Beta", "com:concur:Travel:0.1": {"active": 1},
                 "addresses": [{"country": "DE", "postalCode": null}],
                 "com:concur:Expense:0.1": {"marketingName": "Enterprise"}}
                """);
        assertThat(p.edition()).isEqualTo(Edition.PROFESSIONAL);
        assertThat(p.country()).isEqualTo("DE");
        assertThat(p.offeringCode()).isNull();
    }

    @Test
    void unknownOrMissingMarketingNameIsFlaggedUnknown() {
        assertThat(parse("{\"id\":\"c\",\"com:concur:Expense:0.1\":{\"marketingName\":\"Premium\"}}").edition())
                .isEqualTo(Edition.UNKNOWN);
        CompanyProfile none = parse("{\"id\":\"c\"}");
        assertThat(none.edition()).isEqualTo(Edition.UNKNOWN);
        assertThat(none.marketingName()).isNull();
    }

    @Test
    void profileWithoutIdIsMalformed() {
        assertThatThrownBy(() -> parse("{\"name\":\"no id\"}")).isInstanceOf(MalformedResponseException.class)
                .hasMessage("company profile has no id");
    }

    private static CompanyProfile parse(String json) {
        return CompanyProfiles.parse(Json.parse(json.getBytes(StandardCharsets.UTF_8)));
    }
}
