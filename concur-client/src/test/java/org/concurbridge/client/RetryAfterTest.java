package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            0                             | PT0S
            7                             | PT7S
            ' 120 '                       | PT2M
            Mon, 30 Nov 2026 10:05:00 GMT | PT5M
            Mon, 30 Nov 2026 09:00:00 GMT | PT0S
            Mon, 30 Nov 2026 10:00:30 GMT | PT30S
            -5                            | -
            soon                          | -
            1.5                           | -
            99999999999999999999999       | -
            ''                            | -
            -                             | -
            """)
    void parsesSecondsAndHttpDates(String header, Duration expected) {
        assertThat(RetryAfter.parse(header, CLOCK).orElse(null)).isEqualTo(expected);
    }
}
