package org.concurbridge.bridge.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.concurbridge.client.Secret;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every setting of the bridge, declared once (prefix {@code bridge}). Each field has a default, a validation rule and
 * a description; a bad value stops startup with all field errors listed by name. docs/configuration.md is the
 * reference for operators (keep it in step with this class).
 *
 * @param concur  the partner application registered with SAP Concur
 * @param store   the bridge's own database
 * @param secrets encryption of secrets at rest
 * @param admin   the dashboard's administrator account
 * @param jobs    the per-connection job scheduler
 * @param web     the web endpoints
 */
@ConfigurationProperties("bridge")
@Validated
public record BridgeProperties(
        @DefaultValue @Valid Concur concur,
        @DefaultValue @Valid Store store,
        @DefaultValue @Valid Secrets secrets,
        @DefaultValue @Valid Admin admin,
        @DefaultValue @Valid Jobs jobs,
        @DefaultValue @Valid Web web,
        @DefaultValue @Valid Posting posting,
        @DefaultValue @Valid Extracts extracts) {

    /**
     * The partner application (App Center listing) that the bridge acts as.
     *
     * @param clientId             OAuth2 client id issued by SAP Concur; needed to connect a company (empty: not
     *                             configured yet, connecting fails with a message saying so)
     * @param clientSecret         OAuth2 client secret (never logged or shown)
     * @param tokenBaseUri         base URI of the first token request (later calls go to each company's geolocation)
     * @param connectUriPublicBase the bridge's public base URL as the customer's browser reaches it; the Quick
     *                             Connect landing page is this plus {@code /concur/connect}
     * @param sandboxUri           sandbox mode: the origin of a concur-sandbox (or test server) that is allowed as a
     *                             geolocation besides SAP Concur's documented hosts; empty (production): only those
     */
    public record Concur(
            @DefaultValue("") @Size(max = 200) String clientId,
            Secret clientSecret,
            @DefaultValue("https://us.api.concursolutions.com") @NotNull @HttpUri URI tokenBaseUri,
            @DefaultValue("http://localhost:8080") @NotNull @HttpUri URI connectUriPublicBase,
            @HttpUri URI sandboxUri) {

        /** The geolocations credentials may go to: Concur's documented hosts, and the sandbox in sandbox mode. */
        public org.concurbridge.client.Geolocations geolocations() {
            org.concurbridge.client.Geolocations g = org.concurbridge.client.Geolocations.concur();
            return sandboxUri == null ? g : g.withSandbox(sandboxUri);
        }

        /** {@code token-base-uri} must be an allowed geolocation (validated with the other settings). */
        @jakarta.validation.constraints.AssertTrue(message = "bridge.concur.token-base-uri must be one of SAP Concur's"
                + " documented hosts over https (e.g. https://us.api.concursolutions.com), or the sandbox's origin"
                + " when bridge.concur.sandbox-uri is set")
        public boolean isTokenBaseUriAllowed() {
            boolean http = tokenBaseUri != null && tokenBaseUri.getHost() != null
                    && ("https".equalsIgnoreCase(tokenBaseUri.getScheme())
                    || "http".equalsIgnoreCase(tokenBaseUri.getScheme()));
            return !http || geolocations().allows(tokenBaseUri); // not http(s): @HttpUri reports it
        }
    }

    /**
     * The bridge's own database (connections, jobs, run history, settings). H2 for zero set-up, PostgreSQL for
     * production and for more than one bridge instance.
     *
     * @param url         JDBC URL: {@code jdbc:h2:...} (run in PostgreSQL mode) or {@code jdbc:postgresql://...}
     * @param username    database user
     * @param password    database password; not set with an embedded H2 file whose URL has {@code AUTO_SERVER=TRUE}:
     *                    a generated password kept in {@code passwordFile}
     * @param passwordFile where the generated password of the embedded H2 store is kept (owner-only, created on first
     *                    start; back it up with the database)
     */
    public record Store(
            @DefaultValue("jdbc:h2:file:./data/bridge;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE")
            @NotBlank @Pattern(regexp = "jdbc:(h2|postgresql):.+", message = "must be a jdbc:h2: or jdbc:postgresql: URL")
            String url,
            @DefaultValue("sa") @NotBlank String username,
            Secret password,
            @DefaultValue("./data/store.password") @NotNull Path passwordFile) {
    }

    /**
     * Encryption of secrets at rest (AES-256-GCM). Either {@code key} or {@code keyFile}: a configured key wins.
     *
     * @param key          the current key, 32 bytes in base64 (e.g. from an environment variable); empty: use the
     *                     key file
     * @param keyFile      file holding the key in base64 (first line: current key; further lines: previous keys
     *                     still accepted for decryption); generated with owner-only permissions when missing
     * @param previousKeys with {@code key} only: older keys (base64) still accepted for decryption while rotating a
     *                     configured key (in key-file mode the file's further lines play this part)
     */
    public record Secrets(
            Secret key,
            @DefaultValue("./data/secret.key") @NotNull Path keyFile,
            @DefaultValue List<Secret> previousKeys) {
    }

    /**
     * The dashboard's administrator.
     *
     * @param username sign-in name
     * @param password sign-in password; empty: one is generated on first start, printed once to the console and
     *                 stored only as a BCrypt hash
     */
    public record Admin(
            @DefaultValue("admin") @NotBlank @Size(max = 100) String username,
            Secret password) {

        /** The shortest administrator password accepted in configuration. */
        public static final int MIN_PASSWORD_LENGTH = 12;

        /** A configured password has at least {@value #MIN_PASSWORD_LENGTH} characters. */
        @jakarta.validation.constraints.AssertTrue(message = "bridge.admin.password must have at least 12 characters"
                + " (or leave it unset to have one generated)")
        public boolean isPasswordLongEnough() {
            return password == null || password.reveal().length() >= MIN_PASSWORD_LENGTH;
        }
    }

    /**
     * The job scheduler (db-scheduler on the store database; shared by all bridge instances on one PostgreSQL).
     *
     * @param enabled         false: this process schedules and lists jobs but never executes them (CLI commands
     *                        that start the application for a moment)
     * @param pollInterval    how often each instance looks for due jobs (run-now on the same instance is immediate)
     * @param threads         jobs executed in parallel per instance
     * @param shutdownMaxWait how long shutdown waits for running jobs before interrupting them
     * @param instanceName    this instance's name in the run history and the scheduler table; empty: host name and
     *                        process id
     * @param retryBackoff    delay before the first retry of a failed run; doubles with every consecutive failure,
     *                        never beyond the job's interval
     * @param intervals       per job name, overrides the job's built-in interval (e.g. {@code token-refresh: 1h})
     * @param heartbeatInterval how often a running job proves its instance alive; a run whose instance died (6
     *                        missed heartbeats) is taken over by another instance or the restarted one
     */
    public record Jobs(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 10) Duration pollInterval,
            @DefaultValue("4") @Min(1) @Max(64) int threads,
            @DefaultValue("30s") @NotNull @DurationMin(seconds = 0) Duration shutdownMaxWait,
            @DefaultValue("") @Size(max = 150) String instanceName,
            @DefaultValue("1m") @NotNull @DurationMin(millis = 100) Duration retryBackoff,
            @DefaultValue Map<String, @NotNull @DurationMin(seconds = 1) Duration> intervals,
            @DefaultValue("30s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 10)
            Duration heartbeatInterval) {
    }

    /**
     * Web endpoints.
     *
     * @param publicMetrics true: {@code /actuator/prometheus} needs no sign-in (for a scraper on a trusted network);
     *                      false: it needs the admin credentials (HTTP Basic)
     * @param runsRefresh   how often an open connection page refreshes its run history (live progress), and its
     *                      Jobs table while a job runs or is due soon
     * @param jobsIdleRefresh how often an open connection page re-reads its Jobs table while no job runs or is due
     *                      within this time (a run started by another operator or the CLI shows within it)
     */
    public record Web(@DefaultValue("false") boolean publicMetrics,
                      @DefaultValue("2s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 5)
                      Duration runsRefresh,
                      @DefaultValue("30s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 10)
                      Duration jobsIdleRefresh) {
    }

    /**
     * Financial posting (docs/posting.md).
     *
     * @param mappingDir    directory of per-connection mapping files {@code <companyUuid>.yaml}, used when no mapping
     *                      is stored for the connection; empty: none
     * @param systemId      the ERP system id sent to FIS with acknowledgements and confirmations (at most 40
     *                      characters); empty: none
     * @param pageSize      documents per FIS page (1-100)
     * @param retryBackoff  wait before retrying a document that failed for a retryable reason (ERP or Concur down);
     *                      doubles per attempt up to {@code maxBackoff}
     * @param maxBackoff    the longest wait between two attempts of one document
     * @param maxDocumentsPerRun documents read from Concur per run and document type (the rest wait for the next
     *                      run), so one run stays short
     * @param requireCompanyMapping true (an ERP shared by several Concur companies): a connection posts only into
     *                      the ERP companies its mapping's {@code companies} section names; without that section
     *                      nothing posts. False: without the section, Concur's own ledger code names the ERP company
     * @param holdUntilMapped true: a connection posts nothing (its posting jobs skip) until a mapping is saved for it,
     *                      so a company connected through Quick Connect cannot post before an operator mapped it
     */
    public record Posting(
            Path mappingDir,
            @DefaultValue("") @Size(max = 40) String systemId,
            @DefaultValue("100") @Min(1) @Max(100) int pageSize,
            @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration retryBackoff,
            @DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration maxBackoff,
            @DefaultValue("5000") @Min(1) @Max(1000000) int maxDocumentsPerRun,
            @DefaultValue("false") boolean requireCompanyMapping,
            @DefaultValue("false") boolean holdUntilMapped) {
    }

    /**
     * Posting from extract files (docs/extracts.md): Extracts v1 for Professional, Payment Batches for Standard.
     *
     * @param enabled              true: the {@code extract-posting} job fetches and posts extract files for every
     *                             connected company; false (default): it skips (posting through FIS only)
     * @param saeDefinition        name of the Professional extract definition of the Standard Accounting Extract
     * @param praeDefinition       name of the Payment Request Accounting Extract definition; empty: invoices are not
     *                             fetched from extracts
     * @param startJobs            Professional: start a job when no completed job is waiting (false: only pick up
     *                             jobs started by Concur's schedule)
     * @param closeBatches         Standard: close open payment batches through the API (false: only pick up batches
     *                             closed by hand)
     * @param pollInitial          first wait while polling a job or a batch close; doubles up to {@code pollMax}
     * @param pollMax              longest wait between two polls
     * @param pollTimeout          how long one run waits for a job; a job still running is polled again next run
     * @param holdFileOnRowProblem true: an unreadable row holds the whole file; false: only its report is quarantined
     * @param workDir              where downloaded extract files are kept (directories {@code rwx------}, files
     *                             {@code rw-------})
     * @param retention            downloaded extract files older than this are deleted (each run of a company
     *                             cleans its directory)
     */
    public record Extracts(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("Standard Accounting Extract") @NotBlank @Size(max = 200) String saeDefinition,
            @DefaultValue("Payment Request Accounting Extract") @NotNull @Size(max = 200) String praeDefinition,
            @DefaultValue("true") boolean startJobs,
            @DefaultValue("true") boolean closeBatches,
            @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration pollInitial,
            @DefaultValue("1m") @NotNull @DurationMin(millis = 1) Duration pollMax,
            @DefaultValue("10m") @NotNull @DurationMin(seconds = 0) Duration pollTimeout,
            @DefaultValue("false") boolean holdFileOnRowProblem,
            @DefaultValue("./data/extracts") @NotNull Path workDir,
            @DefaultValue("30d") @NotNull @DurationMin(days = 1) Duration retention) {
    }
}
