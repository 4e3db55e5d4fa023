package org.concurbridge.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditionTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            CTE              | PROFESSIONAL
            cte              | PROFESSIONAL
            ' CTE '          | PROFESSIONAL
            Enterprise       | PROFESSIONAL
            Standard         | STANDARD
            Standard Edition | STANDARD
            standard edition | STANDARD
            Professional     | UNKNOWN
            CTE Plus         | UNKNOWN
            Std              | UNKNOWN
            ''               | UNKNOWN
            -                | UNKNOWN
            """)
    void mapsMarketingNameToEdition(String marketingName, Edition expected) {
        assertThat(Edition.fromMarketingName(marketingName)).isEqualTo(expected);
    }
}
