package org.concurbridge.bridge.erp.tryton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TrytonErrorsTest {

    @ParameterizedTest
    @CsvSource({"401, AUTHENTICATION", "403, PERMANENT", "404, PERMANENT", "400, PERMANENT", "429, RETRIABLE",
            "500, RETRIABLE", "502, RETRIABLE", "503, RETRIABLE", "504, RETRIABLE"})
    void classifiesHttpStatuses(int status, TrytonErrors.Kind expected) {
        assertThat(TrytonErrors.ofStatus(status)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "[\"UserError\",[\"You cannot modify posted move \\\"1\\\".\",\"\",null]] | PERMANENT | UserError: You cannot modify posted move \"1\".",
            "[\"UserWarning\",[\"duplicated_chart.1\",\"A chart already exists.\",\"\"]] | PERMANENT | UserWarning: A chart already exists.",
            "[\"ConcurrencyException\",\"Records were modified in the meanwhile\"] | RETRIABLE | ConcurrencyException: Records were modified in the meanwhile",
            "[\"'nonexistent'\",\"\"] | PERMANENT | 'nonexistent'",
            "[\"Missing context argument\",\"\"] | PERMANENT | Missing context argument"})
    void classifiesJsonRpcErrorsByTypeAndKeepsTheirMessage(String error, TrytonErrors.Kind expected, String message) {
        var node = TrytonRpc.JSON.readTree(error);
        assertThat(TrytonErrors.ofRpcError(node)).isEqualTo(expected);
        assertThat(TrytonErrors.message(node)).isEqualTo(message);
    }

    @Test
    void encodesMoneyAsDecimalObjectsAndDatesAsDateObjectsNeverFloats() {
        assertThat(TrytonRpc.node(new java.math.BigDecimal("9.99")).toString())
                .isEqualTo("{\"__class__\":\"Decimal\",\"decimal\":\"9.99\"}");
        assertThat(TrytonRpc.node(java.time.LocalDate.of(2026, 11, 30)).toString())
                .isEqualTo("{\"__class__\":\"date\",\"year\":2026,\"month\":11,\"day\":30}");
        var dt = TrytonRpc.node(java.time.Instant.parse("2026-11-30T01:02:03.000456Z"));
        assertThat(TrytonRpc.instant(dt)).isEqualTo(java.time.Instant.parse("2026-11-30T01:02:03.000456Z"));
        assertThat(TrytonRpc.decimal(TrytonRpc.node(new java.math.BigDecimal("1E+3")))).isEqualByComparingTo("1000");
    }
}
