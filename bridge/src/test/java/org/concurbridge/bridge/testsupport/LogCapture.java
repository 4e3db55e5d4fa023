package org.concurbridge.bridge.testsupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures every log event of every logger (all levels that reach Logback, from all threads) while a test runs, as
 * the full text an appender would write: formatted message, MDC, exception class, message and stack trace.
 * Use it to prove that no secret reaches the logs:
 * <pre>
 * {@literal @}RegisterExtension final LogCapture logs = new LogCapture();
 * ... logs.assertNoSecret(refreshToken, clientSecret);
 * </pre>
 * It also works without JUnit: {@code try (LogCapture logs = LogCapture.start()) { ... }}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder s = new StringBuilder()
                    .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                    .append(event.getMDCPropertyMap()).append(' ').append(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                s.append('\n').append(event.getThrowableProxy().getClassName()).append(": ")
                        .append(event.getThrowableProxy().getMessage()).append('\n')
                        .append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            synchronized (lines) {
                lines.add(s.toString());
            }
        }
    };

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.attach();
        return capture;
    }

    private void attach() {
        appender.setName("test-log-capture");
        appender.start();
        root().addAppender(appender);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        attach();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        root().detachAppender(appender);
        appender.stop();
    }

    /** Every captured event as text, in order. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** All captured text in one string. */
    public String text() {
        return lines().stream().collect(Collectors.joining("\n"));
    }

    /** Fails, naming the offending log line, when any captured event contains any of the given secrets. */
    public void assertNoSecret(String... secrets) {
        assertThat(secrets).as("secrets to look for").isNotEmpty();
        for (String secret : secrets) {
            assertThat(secret).as("a secret to look for must be non-blank").isNotBlank();
            for (String line : lines()) {
                if (line.contains(secret)) {
                    throw new AssertionError("a secret appears in the log: " + line.replace(secret, "<<SECRET>>"));
                }
            }
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
