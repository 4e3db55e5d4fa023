package org.concurbridge.bridge.posting.bench;

import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.SandboxMain;
import org.concurbridge.sandbox.fis.FisStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox a benchmark run talks to: in this JVM, or in a JVM of its own so that its CPU, allocation and garbage
 * collection are not counted against the bridge's pipeline (what a real Concur is: another machine). Both are driven
 * the same way (the second one through the sandbox's admin API).
 */
interface BenchSandbox extends AutoCloseable {

    URI geolocation(String geo);

    void registerApp(String clientId, String clientSecret, String connectUri);

    String companyRequestToken(String companyUuid);

    /** Generates documents of every use case; returns their ids. */
    List<String> generate(String companyUuid, long seed, int count);

    /** One generated document's financial document (JSON). */
    String document(String id);

    void latency(Duration latency);

    /** Documents of the company whose posting Concur has confirmed as a success. */
    int postingConfirmed(String companyUuid);

    @Override
    void close();

    static BenchSandbox start(FisPostingBench.Where where, long seed) {
        return where == FisPostingBench.Where.IN_PROCESS
                ? new InProcess(ConcurSandbox.builder().port(0).seed(seed).build().start()) : Process.start(seed);
    }

    /** The sandbox in this JVM. */
    record InProcess(ConcurSandbox sandbox) implements BenchSandbox {
        @Override
        public URI geolocation(String geo) {
            return sandbox.geolocation(geo);
        }

        @Override
        public void registerApp(String clientId, String clientSecret, String connectUri) {
            sandbox.registerApp(clientId, clientSecret, connectUri);
        }

        @Override
        public String companyRequestToken(String companyUuid) {
            return sandbox.companyRequestToken(companyUuid);
        }

        @Override
        public List<String> generate(String companyUuid, long seed, int count) {
            return sandbox.fis().generate(companyUuid, seed, count, List.of());
        }

        @Override
        public String document(String id) {
            return sandbox.fis().document(id).toString();
        }

        @Override
        public void latency(Duration latency) {
            sandbox.fis().latency(latency);
        }

        @Override
        public int postingConfirmed(String companyUuid) {
            return sandbox.fis().counts(companyUuid).getOrDefault(FisStatus.POSTING_CONFIRMED_SUCCESS, 0);
        }

        @Override
        public void close() {
            sandbox.close();
        }
    }

    /**
     * {@link SandboxMain} in a child JVM on a free loopback port, from the same class path (the Spring Boot jar through
     * its launcher), driven through the admin API; stopped with the run.
     */
    final class Process implements BenchSandbox {
        private static final JsonMapper JSON = JsonMapper.builder().build();
        private final java.lang.Process child;
        private final URI base;
        private final HttpClient http = HttpClient.newHttpClient();

        private Process(java.lang.Process child, URI base) {
            this.child = child;
            this.base = base;
        }

        static Process start(long seed) {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx1g"));
            String classPath = System.getProperty("java.class.path");
            if (isSpringBootJar(classPath)) {
                command.addAll(List.of("-cp", classPath, "-Dloader.main=" + SandboxMain.class.getName(),
                        "org.springframework.boot.loader.launch.PropertiesLauncher"));
            } else {
                command.addAll(List.of("-cp", classPath, SandboxMain.class.getName()));
            }
            command.addAll(List.of("--host", "127.0.0.1", "--port", String.valueOf(port), "--seed",
                    String.valueOf(seed)));
            java.lang.Process child;
            try {
                child = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the sandbox process: " + command, e);
            }
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    seen.append(line).append('\n');
                    if (line.startsWith("Concur sandbox listening at ")) {
                        Thread drain = new Thread(() -> drain(out), "bench-sandbox-output");
                        drain.setDaemon(true);
                        drain.start();
                        return new Process(child, URI.create("http://127.0.0.1:" + port));
                    }
                }
            } catch (IOException e) {
                child.destroyForcibly();
                throw new UncheckedIOException("the sandbox process failed to start", e);
            }
            child.destroyForcibly();
            throw new IllegalStateException("the sandbox process ended before listening: " + seen);
        }

        /** A Spring Boot executable jar (classes under {@code BOOT-INF/}) starts other main classes through its launcher. */
        private static boolean isSpringBootJar(String classPath) {
            if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
                return false;
            }
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(classPath)) {
                return jar.getEntry("BOOT-INF/") != null;
            } catch (IOException e) {
                return false;
            }
        }

        /** Reads (and drops) the child's further output so that it never blocks on a full pipe. */
        private static void drain(BufferedReader out) {
            try {
                while (out.readLine() != null) {
                    // dropped: the sandbox's request log lines
                }
            } catch (IOException e) {
                // the child was stopped
            }
        }

        private static int freePort() {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public URI geolocation(String geo) {
            return URI.create(base + "/" + geo);
        }

        @Override
        public void registerApp(String clientId, String clientSecret, String connectUri) {
            admin("POST", "/admin/apps", Map.of("clientId", clientId, "clientSecret", clientSecret, "connectUri",
                    connectUri));
        }

        @Override
        public String companyRequestToken(String companyUuid) {
            return admin("POST", "/admin/companies/" + companyUuid + "/request-token", null).get("requestToken")
                    .asString();
        }

        @Override
        public List<String> generate(String companyUuid, long seed, int count) {
            List<String> ids = new ArrayList<>();
            admin("POST", "/admin/fis/companies/" + companyUuid + "/generate", Map.of("seed", seed, "count", count))
                    .get("ids").forEach(id -> ids.add(id.asString()));
            return ids;
        }

        @Override
        public String document(String id) {
            return admin("GET", "/admin/fis/documents/" + id + "/document", null).toString();
        }

        @Override
        public void latency(Duration latency) {
            admin("POST", "/admin/fis/latency?millis=" + latency.toMillis(), null);
        }

        @Override
        public int postingConfirmed(String companyUuid) {
            return admin("GET", "/admin/fis/companies/" + companyUuid + "/counts", null)
                    .path(FisStatus.POSTING_CONFIRMED_SUCCESS.name()).asInt(0);
        }

        private JsonNode admin(String method, String path, Object body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("sandbox admin " + method + " " + path + " answered "
                            + response.statusCode() + ": " + response.body());
                }
                return JSON.readTree(response.body().isBlank() ? "{}" : response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("sandbox admin " + method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @Override
        public void close() {
            child.destroy();
            try {
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
