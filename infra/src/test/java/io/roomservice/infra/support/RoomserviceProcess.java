package io.roomservice.infra.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * roomservice as a process of its own (a node, as a deployment runs it): {@code java -cp <the test
 * class path> io.roomservice.RoomserviceApplication} with the {@code test} profile, so it uses the tests'
 * PostgreSQL (the environment's {@code ROOMSERVICE_TEST_DB_*}, inherited) and the same master key file
 * (the same working directory). It listens on 127.0.0.1 only, on a free port. Unlike a second Spring
 * context in the test's JVM it can be killed with SIGKILL: nothing of it runs on, no shutdown hook, no
 * claim released, no transaction committed. Its output goes to {@code target/roomservice-nodes/<id>.log}.
 */
public final class RoomserviceProcess implements AutoCloseable {

    private static final Path LOGS = Path.of("target", "roomservice-nodes");

    private final String nodeId;
    private final int port;
    private final Process process;
    private final Path log;

    private RoomserviceProcess(String nodeId, int port, Process process, Path log) {
        this.nodeId = nodeId;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node named {@code nodeId} ({@code roomservice.node.id}) with these further properties and
     * returns once it is ready (its readiness probe answers UP): the scheduler and processors run.
     */
    public static RoomserviceProcess start(String nodeId, Map<String, String> properties, Duration timeout) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a small, quickly started JVM: the node's work here is light, the machine is shared
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"),
                "io.roomservice.RoomserviceApplication",
                "--spring.profiles.active=test",
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--roomservice.node.id=" + nodeId,
                "--roomservice.secrets.master-key-file=" + Path.of("data", "master.key").toAbsolutePath()));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(nodeId + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            var node = new RoomserviceProcess(nodeId, port, process, log);
            try {
                node.awaitReady(timeout);
            } catch (RuntimeException | Error e) {
                node.close();
                throw e;
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String nodeId() {
        return nodeId;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Api api() {
        return new Api(port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGKILL ({@link Process#destroyForcibly()} is SIGKILL on Linux): the node ends at once, in the
     * middle of whatever it does. Returns once the process is gone.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(nodeId + " (pid " + pid() + ") did not end within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the node if it still runs, for finally blocks and {@code @AfterAll}: SIGTERM first, so that
     * it releases its token claims and the next test's application need not wait for them to lapse;
     * SIGKILL when it has not ended within 30 s.
     */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (process.waitFor(30, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    /** The last lines the node wrote, for a failure's message. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady(Duration timeout) {
        var api = api();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(nodeId + " exited with " + process.exitValue() + " while starting:\n"
                        + logTail(60));
            }
            try {
                var readiness = api.send(api.builder("/actuator/health/readiness", TestTokens.staff())
                        .timeout(Duration.ofSeconds(2)).GET());
                if (readiness.status() == 200 && readiness.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // connection refused until the web server is up
            }
            pause(Duration.ofMillis(250));
        }
        throw new AssertionError(nodeId + " was not ready within " + timeout + ":\n" + logTail(60));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
