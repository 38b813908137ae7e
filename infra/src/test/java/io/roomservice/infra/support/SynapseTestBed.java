package io.roomservice.infra.support;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The tests' Synapse, run by the project's own scripts ({@code scripts/synapse/}, see
 * {@code docs/operations/synapse-testbed.md}): its own run directory and port, apart from the one
 * {@code scripts/run.sh} starts. Each suite writes its appservice registration into the test bed's
 * appservice directory; {@link #start()} restarts Synapse when the registrations changed.
 */
public final class SynapseTestBed {

    private final Path repoRoot;
    private final Map<String, String> environment = new HashMap<>();
    private final String url;
    private final String serverName;
    private final Path appserviceDir;
    private final String registrationSecret;

    private SynapseTestBed() {
        repoRoot = findRepoRoot();
        Map<String, String> env = System.getenv();
        String synapseDir = envOr(env, "SYNAPSE_DIR", repoRoot.resolve(".synapse/test-run").toString());
        String port = envOr(env, "SYNAPSE_PORT", "8018");
        url = envOr(env, "SYNAPSE_URL", "http://127.0.0.1:" + port);
        serverName = envOr(env, "SYNAPSE_SERVER_NAME", "roomservice.test");
        registrationSecret = envOr(env, "SYNAPSE_REGISTRATION_SECRET", "roomservice-dev-registration-secret");
        appserviceDir = Path.of(envOr(env, "SYNAPSE_APPSERVICE_DIR", synapseDir + "/appservices"));
        environment.putAll(Map.of("SYNAPSE_DIR", synapseDir, "SYNAPSE_PORT", port, "SYNAPSE_URL", url,
                "SYNAPSE_SERVER_NAME", serverName, "SYNAPSE_APPSERVICE_DIR", appserviceDir.toString(),
                "SYNAPSE_REGISTRATION_SECRET", registrationSecret));
    }

    /** The test bed, installed; the calling suite is skipped (not failed) only when python3 is missing. */
    public static SynapseTestBed installed() {
        Assumptions.assumeTrue(onPath("python3"), "python3 is not installed: the Synapse test bed cannot run");
        SynapseTestBed bed = new SynapseTestBed();
        bed.run(Duration.ofMinutes(10), "scripts/synapse/install.sh");
        return bed;
    }

    public String url() {
        return url;
    }

    public String serverName() {
        return serverName;
    }

    public String registrationSecret() {
        return registrationSecret;
    }

    /**
     * Makes this the only registration Synapse loads (others are left by suites that were killed),
     * under the given name; takes effect at the next {@link #start()}.
     */
    public Path useOnlyRegistration(String name, String yaml) throws IOException {
        Files.createDirectories(appserviceDir);
        try (var files = Files.list(appserviceDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.delete(file);
            }
        }
        Path file = appserviceDir.resolve(name + ".yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /** Starts Synapse, or restarts it when its registrations changed; returns once it is healthy. */
    public void start() {
        run(Duration.ofMinutes(3), "scripts/synapse/start.sh");
    }

    /** Starts Synapse on a new, empty database (the registrations stay). */
    public void startFresh() {
        run(Duration.ofMinutes(3), "scripts/synapse/start.sh", "--fresh");
    }

    public void stop() {
        run(Duration.ofMinutes(1), "scripts/synapse/stop.sh");
    }

    /**
     * Freezes the running Synapse (SIGSTOP): it accepts connections (the kernel does) but answers
     * nothing, so every homeserver call in flight hangs until {@link #resume()}. A call that is stopped
     * this way is one the homeserver may still carry out after its caller has gone.
     */
    public void freeze() {
        signal("STOP");
    }

    /**
     * Lets a {@link #freeze() frozen} Synapse go on (SIGCONT): it handles what arrived meanwhile. Nothing
     * to do when none runs (for clean-up code).
     */
    public void resume() {
        if (Files.exists(pidFile())) {
            signal("CONT");
        }
    }

    private Path pidFile() {
        return Path.of(environment.get("SYNAPSE_DIR"), "homeserver.pid");
    }

    private void signal(String signal) {
        Path pidFile = pidFile();
        try {
            String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
            Process kill = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("No running Synapse (" + pidFile + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a server admin (for Synapse's admin API); returns Synapse's JSON answer. */
    public String registerAdmin(String localpart, String password) {
        return run(Duration.ofMinutes(1), "scripts/synapse/register-user.sh", localpart, password, "--admin");
    }

    /** Registers a human user (outside roomservice's namespace); returns Synapse's JSON answer. */
    public String registerUser(String localpart, String password) {
        return run(Duration.ofMinutes(1), "scripts/synapse/register-user.sh", localpart, password);
    }

    private String run(Duration timeout, String script, String... args) {
        Path log = null;
        try {
            log = Files.createTempFile("synapse-script", ".log");
            var command = new java.util.ArrayList<String>();
            command.add("bash");
            command.add(repoRoot.resolve(script).toString());
            command.addAll(java.util.List.of(args));
            var builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Path stderr = Files.createTempFile("synapse-script", ".err");
            Process process = builder
                    .directory(repoRoot.toFile())
                    .redirectError(stderr.toFile())
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(script + " did not finish within " + timeout + ":\n" + Files.readString(log)
                        + Files.readString(stderr));
            }
            String out = Files.readString(log);
            String err = Files.readString(stderr);
            Files.deleteIfExists(stderr);
            if (process.exitValue() != 0) {
                throw new AssertionError(script + " exited with " + process.exitValue() + ":\n" + out + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temp file left behind
                }
            }
        }
    }

    /** The directory holding {@code mvnw} and {@code scripts/synapse}: Surefire runs in {@code infra/}. */
    private static Path findRepoRoot() {
        for (Path dir = Path.of("").toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("scripts/synapse"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (with mvnw and scripts/synapse) above "
                + Path.of("").toAbsolutePath());
    }

    private static boolean onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String envOr(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
