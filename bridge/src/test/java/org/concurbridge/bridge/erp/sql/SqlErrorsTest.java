package org.concurbridge.bridge.erp.sql;

import org.concurbridge.bridge.erp.ErpException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SqlErrorsTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(new SQLException("refused", "08001"), ErpException.Retriable.class),
                Arguments.of(new SQLException("connection failure", "08006"), ErpException.Retriable.class),
                Arguments.of(new SQLException("serialization", "40001"), ErpException.Retriable.class),
                Arguments.of(new SQLException("deadlock", "40P01"), ErpException.Retriable.class),
                Arguments.of(new SQLException("too many connections", "53300"), ErpException.Retriable.class),
                Arguments.of(new SQLException("admin shutdown", "57P01"), ErpException.Retriable.class),
                Arguments.of(new SQLException("H2 database in use", "90020"), ErpException.Retriable.class),
                Arguments.of(new SQLTransientConnectionException("pool timeout"), ErpException.Retriable.class),
                Arguments.of(new SQLNonTransientConnectionException("H2 connection broken", "90067"),
                        ErpException.Retriable.class),
                Arguments.of(new SQLException("bad password", "28P01"), ErpException.Authentication.class),
                Arguments.of(new SQLException("no such role", "28000"), ErpException.Authentication.class),
                Arguments.of(new SQLException("duplicate key", "23505"), ErpException.Permanent.class),
                Arguments.of(new SQLException("value too long", "22001"), ErpException.Permanent.class),
                Arguments.of(new SQLException("no such table", "42P01"), ErpException.Permanent.class),
                Arguments.of(new SQLException("no state"), ErpException.Permanent.class));
    }

    @ParameterizedTest
    @MethodSource("table")
    void classifiesBySqlStateAndExceptionType(SQLException e, Class<? extends ErpException> expected) {
        ErpException classified = SqlErrors.classify("posting entry K1", e);
        assertThat(classified).isInstanceOf(expected).hasCause(e).hasMessageStartingWith("posting entry K1 failed: ");
    }
}
