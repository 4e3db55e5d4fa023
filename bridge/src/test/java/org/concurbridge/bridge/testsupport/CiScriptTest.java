package org.concurbridge.bridge.testsupport;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CI entry point sets {@code CI}, which makes {@link Browser} fail instead of skipping when Chromium is absent. */
class CiScriptTest {

    @Test
    void ciRunExportsCiBeforeRunningTheTests() throws Exception {
        Path script = Path.of("../.ci/run");
        assertThat(script).as("the CI entry point").exists();
        String text = Files.readString(script);
        int export = text.indexOf("export CI=");
        assertThat(export).as(".ci/run exports CI").isNotNegative();
        assertThat(text.indexOf("./erp-bridge test")).as("CI is set before the tests run").isGreaterThan(export);
        assertThat(Files.isExecutable(script)).isTrue();
    }
}
