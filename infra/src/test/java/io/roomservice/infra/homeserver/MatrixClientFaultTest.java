package io.roomservice.infra.homeserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.ProvisionedRoom;
import io.roomservice.sagas.homeserver.RoomSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How {@link MatrixClient} maps the faults a real homeserver cannot produce on demand (rate limits,
 * 5xx, garbage, silence, resets), served by a tiny scripted HTTP server on 127.0.0.1. Everything a
 * real Synapse can do is tested against one in {@link MatrixHomeserverSynapseTest}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatrixClientFaultTest {

    private static final String TOKEN = "fault_test_as_token_0123456789abcdef";

    /** One scripted answer. */
    private record Answer(int status, String body, Map<String, String> headers) {
        static Answer json(int status, String body) {
            return new Answer(status, body, Map.of("Content-Type", "application/json"));
        }
    }

    /** What the server received. */
    private record Received(String method, String path, String rawQuery, String authorization, String body) {
    }

    private HttpServer server;
    private ExecutorService executor;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean silent;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                    body));
            if (silent) {
                release.await(30, TimeUnit.SECONDS);
                return;
            }
            Answer answer;
            synchronized (script) {
                answer = script.isEmpty() ? Answer.json(500, "{\"errcode\":\"M_UNKNOWN\",\"error\":\"unscripted\"}")
                        : script.pollFirst();
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void then(Answer answer) {
        synchronized (script) {
            script.addLast(answer);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private MatrixClient client() {
        return new MatrixClient(properties(url()));
    }

    private static MatrixProperties properties(String url) {
        return new MatrixProperties(url, "fault.test", TOKEN, "roomservice-bot", "rs", "11",
                Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(60));
    }

    private static HomeserverException failureOf(Runnable call) {
        HomeserverException failure = catchThrowableOfType(HomeserverException.class, call::run);
        assertThat(failure).as("the call fails with a HomeserverException").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
        return failure;
    }

    // ------------------------------------------------------------------------------------------

    @Test
    void the_token_travels_in_the_authorization_header_and_never_in_the_query_string() {
        then(Answer.json(200, "{\"user_id\":\"@rs-alice:fault.test\"}"));

        client().whoami("@rs-alice:fault.test");

        Received request = received.get(0);
        assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(request.rawQuery()).isEqualTo("user_id=%40rs-alice%3Afault.test");
        assertThat(request.rawQuery()).doesNotContain(TOKEN).doesNotContain("access_token");
    }

    @Test
    void calls_as_the_bot_carry_no_query_string_at_all() {
        then(Answer.json(200, "{\"user_id\":\"@roomservice-bot:fault.test\"}"));

        client().whoami(null);

        assertThat(received.get(0).rawQuery()).isNull();
        assertThat(received.get(0).authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void a_429_with_retry_after_ms_is_rate_limited_for_that_long() {
        then(Answer.json(429, "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too Many Requests\",\"retry_after_ms\":1500}"));

        HomeserverException failure = failureOf(() -> client().whoami(null));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofMillis(1500));
        assertThat(failure.getMessage()).startsWith("M_LIMIT_EXCEEDED: Too Many Requests");
    }

    @Test
    void a_429_with_only_a_retry_after_header_is_rate_limited_for_that_many_seconds() {
        then(new Answer(429, "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too Many Requests\"}",
                Map.of("Content-Type", "application/json", "Retry-After", "3")));

        HomeserverException failure = failureOf(() -> client().whoami(null));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void a_429_asking_for_longer_than_the_maximum_wait_is_capped() {
        then(Answer.json(429, "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"slow down\",\"retry_after_ms\":3600000}"));

        HomeserverException failure = failureOf(() -> client().whoami(null));

        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(60));
    }

    @Test
    void a_500_is_transient_and_names_the_errcode() {
        then(Answer.json(500, "{\"errcode\":\"M_UNKNOWN\",\"error\":\"Internal server error\"}"));

        HomeserverException failure = failureOf(() -> client().whoami(null));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.retryAfter()).isEmpty();
        assertThat(failure.getMessage()).startsWith("M_UNKNOWN: Internal server error")
                .contains("HTTP 500").contains("/_matrix/client/v3/account/whoami");
    }

    @Test
    void a_502_page_from_a_proxy_is_transient_and_quotes_the_page() {
        then(new Answer(502, "<html><body>Bad Gateway</body></html>", Map.of("Content-Type", "text/html")));

        HomeserverException failure = failureOf(() -> client().whoami(null));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.getMessage()).contains("HTTP 502").contains("Bad Gateway");
    }

    @Test
    void a_200_with_a_body_that_is_not_json_is_transient() {
        then(new Answer(200, "<html>definitely not json", Map.of("Content-Type", "text/html")));

        HomeserverException failure = failureOf(() -> client().whoami(null));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.getMessage()).contains("not JSON").contains("HTTP 200").contains("definitely not json");
    }

    @Test
    void a_server_that_never_answers_is_transient_after_the_read_timeout() {
        silent = true;

        long started = System.nanoTime();
        HomeserverException failure = failureOf(() -> client().whoami(null));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.getMessage()).isEqualTo("Homeserver at " + url()
                + " did not answer GET /_matrix/client/v3/account/whoami within 500 ms");
        assertThat(took).isBetween(Duration.ofMillis(450), Duration.ofSeconds(5));
    }

    @Test
    void a_connection_closed_without_an_answer_is_transient() throws Exception {
        try (ServerSocket rude = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                try {
                    while (!rude.isClosed()) {
                        Socket socket = rude.accept();
                        socket.setSoLinger(true, 0); // RST instead of FIN
                        socket.close();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            closer.setDaemon(true);
            closer.start();

            HomeserverException failure = failureOf(
                    () -> new MatrixClient(properties("http://127.0.0.1:" + rude.getLocalPort())).whoami(null));

            assertThat(failure.isTransient()).isTrue();
            // Depending on when the reset lands, the JDK client reports a connect failure ("Connection
            // reset by peer") or a failed exchange ("connection closed", "header parser received no
            // bytes"); either way the message says where and what.
            assertThat(failure.getMessage()).matches("(Homeserver unreachable at http://127\\.0\\.0\\.1:"
                    + rude.getLocalPort() + "|Connection to the homeserver at http://127\\.0\\.0\\.1:"
                    + rude.getLocalPort() + " failed during GET /_matrix/client/v3/account/whoami): \\S.*");
        }
    }

    @Test
    void a_403_is_permanent_and_starts_with_the_errcode() {
        then(Answer.json(403, "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"Application service has not registered this user\"}"));

        HomeserverException failure = failureOf(() -> client().whoami("@rs-nobody:fault.test"));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.getMessage())
                .startsWith("M_FORBIDDEN: Application service has not registered this user")
                .contains("HTTP 403");
    }

    @Test
    void an_error_that_echoes_the_token_never_shows_it() {
        then(Answer.json(401, "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"Unknown token " + TOKEN + "\"}"));

        HomeserverException failure = failureOf(() -> client().whoami(null));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.getMessage()).startsWith("M_UNKNOWN_TOKEN: Unknown token <redacted>");
    }

    @Test
    void an_alias_that_is_in_use_but_does_not_resolve_gives_a_room_without_alias() {
        ProjectId project = ProjectId.random();
        then(Answer.json(200, "{\"user_id\":\"@roomservice-bot:fault.test\"}"));            // register
        then(Answer.json(404, "{\"errcode\":\"M_NOT_FOUND\",\"error\":\"Room alias not found\"}"));
        then(Answer.json(400, "{\"errcode\":\"M_ROOM_IN_USE\",\"error\":\"Room alias already taken\"}"));
        then(Answer.json(404, "{\"errcode\":\"M_NOT_FOUND\",\"error\":\"Room alias not found\"}"));
        then(Answer.json(200, "{\"room_id\":\"!created:fault.test\"}"));
        MatrixProperties properties = properties(url());

        ProvisionedRoom room = new MatrixHomeserver(new MatrixClient(properties), properties)
                .createRoom(new RoomSpec(RoomId.random(), project, "Apollo"));

        assertThat(room).isEqualTo(new ProvisionedRoom("!created:fault.test", null));
        assertThat(received).extracting(Received::method, Received::path).containsExactly(
                tuple("POST", "/_matrix/client/v3/register"),
                tuple("GET", "/_matrix/client/v3/directory/room/%23rs-"
                        + project.value().toString().replace("-", "") + "%3Afault.test"),
                tuple("POST", "/_matrix/client/v3/createRoom"),
                tuple("GET", received.get(1).path()),
                tuple("POST", "/_matrix/client/v3/createRoom"));
        assertThat(received.get(2).body()).contains("\"room_alias_name\"");
        assertThat(received.get(4).body()).doesNotContain("room_alias_name");
    }
}
