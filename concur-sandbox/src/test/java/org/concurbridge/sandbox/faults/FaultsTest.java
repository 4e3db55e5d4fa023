package org.concurbridge.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void pathPatterns() {
        assertThat(Faults.compile("/oauth2/v0/token").matcher("/oauth2/v0/token").matches()).isTrue();
        assertThat(Faults.compile("/oauth2/v0/token").matcher("/oauth2/v0/token/").matches()).isTrue();
        assertThat(Faults.compile("/oauth2/v0/token").matcher("/oauth2/v0/tokens").matches()).isFalse();
        assertThat(Faults.compile("/a/*/c").matcher("/a/b/c").matches()).isTrue();
        assertThat(Faults.compile("/a/{id}/c").matcher("/a/b/c").matches()).isTrue();
        assertThat(Faults.compile("/a/*/c").matcher("/a/b/x/c").matches()).isFalse();
        assertThat(Faults.compile("/a/**").matcher("/a").matches()).isTrue();
        assertThat(Faults.compile("/a/**").matcher("/a/b/c").matches()).isTrue();
        assertThat(Faults.compile("/a/**").matcher("/ab").matches()).isFalse();
        assertThat(Faults.compile("/**").matcher("/anything/at/all").matches()).isTrue();
        assertThat(Faults.compile("/v1.0/x").matcher("/v1a0/x").matches()).as("dots are literal").isFalse();
    }

    @Test
    void firstMatchingRuleWinsAndTimesAreConsumed() {
        Faults faults = new Faults(1L);
        String first = faults.add(FaultRule.on("GET", "/x").status(503).times(1));
        String second = faults.add(FaultRule.on("*", "/x").status(500));

        assertThat(faults.decide("GET", "/x", "us", null)).hasValueSatisfying(d -> assertThat(d.ruleId()).isEqualTo(first));
        assertThat(faults.decide("GET", "/x", "us", null)).hasValueSatisfying(d -> assertThat(d.ruleId()).isEqualTo(second));
        assertThat(faults.decide("POST", "/y", "us", null)).isEmpty();
    }

    @Test
    void geoAndCompanyNarrowTheRule() {
        Faults faults = new Faults(1L);
        faults.add(FaultRule.on("GET", "/x").status(503).geo("eu").company("c-1"));
        assertThat(faults.decide("GET", "/x", "eu", "C-1")).isPresent();
        assertThat(faults.decide("GET", "/x", "us", "c-1")).isEmpty();
        assertThat(faults.decide("GET", "/x", "eu", null)).isEmpty();
    }

    @Test
    void drawsAreReproducibleForTheSameSeed() {
        assertThat(draws(99L)).isEqualTo(draws(99L)).isNotEqualTo(draws(100L));
    }

    private static List<String> draws(long seed) {
        Faults faults = new Faults(seed);
        faults.add(FaultRule.on("GET", "/x").delay(Duration.ofMillis(10), Duration.ofMillis(90)).probability(0.5));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            out.add(faults.decide("GET", "/x", null, null).map(d -> Long.toString(d.delay().toMillis())).orElse("-"));
        }
        return out;
    }

    @Test
    void drawnDelaysStayInRange() {
        assertThat(draws(5L)).filteredOn(s -> !s.equals("-"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(Long.parseLong(s)).isBetween(10L, 90L));
    }
}
