package io.roomservice.infra.homeserver;

import com.sun.net.httpserver.HttpServer;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The read timeout bounds the body too: a homeserver that sends its headers and then stalls in the
 * middle of the body fails like one that never answers.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatrixTransportTimeoutTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stopServer() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void a_body_that_stalls_halfway_is_transient_after_the_read_timeout() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 100);
                exchange.getResponseBody().write("{\"user_id\":".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        MatrixProperties properties = new MatrixProperties(url, "timeout.test", "timeout_test_token_0123456789",
                "roomservice-bot", "rs", "11", Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(60));

        long started = System.nanoTime();
        HomeserverException failure = catchThrowableOfType(HomeserverException.class,
                () -> new MatrixClient(properties).whoami(null));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure).isNotNull();
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.getMessage()).isEqualTo("Homeserver at " + url
                + " did not answer GET /_matrix/client/v3/account/whoami within 500 ms");
        assertThat(took).isBetween(Duration.ofMillis(450), Duration.ofSeconds(5));
    }
}
