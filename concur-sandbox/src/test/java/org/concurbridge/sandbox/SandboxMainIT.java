package org.concurbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SandboxMainIT {

    @Test
    void rejectsUnknownOptionsAndMissingValuesClearly() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--prot", "1"}, ConcurSandbox.builder()))
                .hasMessageContaining("unknown option --prot");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port"}, ConcurSandbox.builder()))
                .hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "eighty"}, ConcurSandbox.builder()))
                .hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "70000"}, ConcurSandbox.builder()))
                .hasMessageContaining("0..65535");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--fis-documents", "-1"}, ConcurSandbox.builder()))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void summaryShowsWhereToConnectAndTheDemoCredentials() {
        ConcurSandbox.Builder builder = ConcurSandbox.builder();
        SandboxMain.Extras extras = SandboxMain.parse(new String[] {"--port", "0", "--seed", "4", "--connect-uri",
            "http://localhost:1/c", "--fis-documents", "25", "--fis-latency-ms", "20", "--standard-documents", "7"}, builder);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ConcurSandbox sb = builder.build().start()) {
            SandboxMain.apply(extras, sb);
            SandboxMain.printSummary(sb, new PrintStream(out, true, StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).contains(sb.baseUri().toString()).contains("seed 4")
                    .contains(SandboxDemo.CLIENT_ID).contains(SandboxDemo.CLIENT_SECRET)
                    .contains(SandboxDemo.PROFESSIONAL_COMPANY).contains(SandboxDemo.STANDARD_COMPANY)
                    .contains(SandboxDemo.UNKNOWN_EDITION_COMPANY).contains(sb.geolocation("eu").toString())
                    .contains("FIS documents:     25 for the Professional company").contains("latency 20 ms");
            assertThat(sb.fis().documents(SandboxDemo.PROFESSIONAL_COMPANY)).hasSize(25);
            assertThat(sb.fis().documents(SandboxDemo.STANDARD_COMPANY)).hasSize(7);
            assertThat(text).contains("/api/expense/paymentbatch/v1.1/batchlist/OPEN (7 documents");
        }
    }
}
